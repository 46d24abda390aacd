def log = new File(basedir, 'build.log').text
def site = new File(basedir, 'target/opsbook')
assert new File(site, 'index.html').isFile()
assert new File(site, 'services/api/runbooks/api-down.html').isFile()
assert new File(site, 'services/api/runbooks/api-down.html').text.contains('href="../../../severities.html#severity-P1"')
// check, then generate into the folder where check left its reports (as a build with both goals bound does)
assert (log =~ /\[INFO\] opsbook: 1 service: 1 none; 0 errors, \d+ warnings, \d+ infos/).count == 3
// the build cache (target/opsbook-cache by default): the second generate reads no Markdown and renders no page again
def cache = new File(basedir, 'target/opsbook-cache')
assert new File(cache, 'bodies.bin').isFile() && new File(cache, 'pages.bin').isFile()
def usage = (log =~ /\[INFO\] opsbook: build cache \S+opsbook-cache: (\d+) of (\d+) bodies, (\d+) of (\d+) pages from the cache/).collect { it }
assert usage.size() == 3 : usage
// check: its own readings (no pages); the first generate: nothing yet; the second: everything
assert usage[0][3] == '0' && usage[1][1] == '0' && usage[1][3] == '0'
assert usage[2][1] == usage[2][2] && usage[2][3] == usage[2][4] && usage[2][4] != '0' : usage[2]
assert log.contains('BUILD SUCCESS')
// fork=auto (the default): a handbook this small is built in Maven's own JVM
assert !new File(basedir, 'build.log').text.contains('building in a JVM of its own')
