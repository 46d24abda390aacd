def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] content/services/api/service.yaml:3:1: error: unknown key 'ownr' [schema]\n[ERROR]   hint: remove it; the keys allowed here are ")
assert log.contains("[ERROR] content/services/api/service.yaml:5:32: error: there is no severity 'P7' [broken-reference]")
assert log.contains('BUILD FAILURE')
assert log =~ /opsbook: 1 service: 1 none; 2 errors, \d+ warnings, \d+ infos; see the findings above/
// the site is still written, so people can read why
assert new File(basedir, 'target/opsbook/services/api/index.html').isFile()
// one failure, not a stack trace per finding
assert !log.contains('at dev.opsbook')
