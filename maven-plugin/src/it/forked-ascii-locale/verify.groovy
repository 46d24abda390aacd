// Maven ran under LC_ALL=C (its JVM reads file names as ASCII); the forked build ran in C.UTF-8 and
// copied the file with the non-ASCII name, byte for byte
def log = new File(basedir, 'build.log').text
def site = new File(basedir, 'target/opsbook')
assert log.contains('[INFO] opsbook: building in a JVM of its own (opsbook.fork): ')
assert !log.contains('cannot read the file name')
assert new File(site, 'index.html').isFile()
def p = ['sh', '-c', 'test -f "$(printf "sch\\303\\251ma.txt")"'].execute(null, new File(site, 'services/api'))
assert p.waitFor() == 0 : 'schéma.txt is in the site under its own name'
assert log.contains('BUILD SUCCESS')
true
