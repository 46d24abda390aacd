def log = new File(basedir, 'build.log').text
// opsbook.absolutePaths: the file by its absolute path, which any tool opens wherever it runs
def content = new File(basedir, 'content').toPath().toAbsolutePath().normalize().toString()
assert log.contains("[WARNING] " + content + "/services/api/service.yaml:1:1: warning: service 'api' has no SLO [slo-present]")
assert log =~ /opsbook: 1 service: 1 none; 0 errors, \d+ warnings, \d+ infos \(failOnWarning is set\); see the findings above/
assert log.contains('BUILD FAILURE')
// check writes the reports, not the site
assert new File(basedir, 'target/opsbook/opsbook-report.json').isFile()
assert !new File(basedir, 'target/opsbook/index.html').exists()
