// two forked builds: the first archives the forked JVM's classes in the build cache's folder, the second maps them
// (-Xshare:on in forkJvmArgs: a JVM that cannot map them fails), and nothing half-made is left behind
def log = new File(basedir, 'build.log').text
def cache = new File(basedir, 'target/opsbook-cache')
assert log.count('[INFO] opsbook: building in a JVM of its own (opsbook.fork): ') == 2
assert (log =~ /\[INFO\] opsbook: 1 service: [^;\n]+; 0 errors, \d+ warnings, \d+ infos/).count == 2
assert log.contains('BUILD SUCCESS')
def archives = cache.list().findAll { it.startsWith('classes-') }
assert archives.size() == 1 && archives[0].endsWith('.jsa') : archives
assert new File(cache, archives[0]).length() > 100000
assert !cache.list().any { it.contains('.tmp') || it.contains('.status') || it.contains('.new-') } : cache.list()
assert new File(cache, 'bodies.bin').isFile() && new File(cache, 'pages.bin').isFile()
assert new File(basedir, 'target/opsbook/index.html').isFile()
