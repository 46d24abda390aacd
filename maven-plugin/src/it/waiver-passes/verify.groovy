def log = new File(basedir, 'build.log').text
assert !log.contains('[sla-present]')
assert log =~ /opsbook: 1 service: \d+ [a-z-]+; 0 errors, \d+ warnings, \d+ infos/
assert log.contains('BUILD SUCCESS')
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/opsbook/opsbook-report.json'))
def sla = report.services[0].checks.find { it.rule == 'sla-present' }
assert sla.status == 'waived'
assert sla.waiver == 'SLA being negotiated with Finance'
assert sla.approvedBy == 'alice'
assert sla.expires == '2027-01-31'
assert new File(basedir, 'target/opsbook/readiness/index.html').text.contains('SLA being negotiated with Finance')
