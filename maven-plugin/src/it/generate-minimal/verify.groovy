def log = new File(basedir, 'build.log').text
def site = new File(basedir, 'target/opsbook')
assert new File(site, 'index.html').isFile()
assert new File(site, 'services/api/runbooks/api-down.html').isFile()
assert new File(site, 'services/api/runbooks/api-down.html').text.contains('href="../../../severities.html#severity-P1"')
// check, then generate into the folder where check left its reports (as a build with both goals bound does)
assert (log =~ /\[INFO\] opsbook: 1 service: 1 none; 0 errors, \d+ warnings, \d+ infos/).count == 2
assert log.contains('BUILD SUCCESS')
// fork=auto (the default): a handbook this small is built in Maven's own JVM
assert !new File(basedir, 'build.log').text.contains('building in a JVM of its own')
