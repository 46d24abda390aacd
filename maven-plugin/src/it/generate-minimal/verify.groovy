def log = new File(basedir, 'build.log').text
def site = new File(basedir, 'target/opsbook')
assert new File(site, 'index.html').isFile()
assert new File(site, 'services/api/runbooks/api-down.html').isFile()
assert new File(site, 'services/api/runbooks/api-down.html').text.contains('href="../../../severities.html#severity-P1"')
assert log =~ /\[INFO\] opsbook: 1 service: 1 none; 0 errors, \d+ warnings, \d+ infos/
assert log.contains('BUILD SUCCESS')
