import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def repo = new File(basedir, 'remote-repo/com/example/teams')
// the teams' builds: each checked against the shared facts and deployed its part to the file repository
assert new File(repo, 'payments-api/1.4.0/payments-api-1.4.0-opsbook.zip').isFile()
assert new File(repo, 'ledger/2.0.1/ledger-2.0.1-opsbook.zip').isFile()
assert log.contains('[INFO] opsbook: attached the part com.example.teams:payments-api:1.4.0 (payments-api-1.4.0-opsbook.zip)')
// payments-api's dependsOn names ledger, of another repository: left to the organisation's build, not an error
assert log.contains("2 references to services of other repositories are left to the organisation's build (such as content/services/payments-api/")
// the handbook: both parts resolved from the repository (ledger through a version range)
assert log.contains('[INFO] opsbook: part com.example.teams:payments-api:1.4.0 (payments-api-1.4.0-opsbook.zip)')
assert log.contains('[INFO] opsbook: part com.example.teams:ledger:2.0.1 (ledger-2.0.1-opsbook.zip)')
assert log.contains('[INFO] opsbook: 2 services:') && log.contains('; 0 errors,')
def handbookStart = log.indexOf('Building handbook 3.0')
def handbookLog = log.substring(handbookStart, log.indexOf('Building payments-api 1.4.0', handbookStart))
assert !handbookLog.contains('broken-reference') && !handbookLog.contains('[ERROR]')
def site = new File(basedir, 'handbook/target/opsbook')
assert new File(site, 'services/payments-api/index.html').isFile()
assert new File(site, 'services/ledger/index.html').isFile()
// the cross-repository dependency is a link on the payments-api page
assert new File(site, 'services/payments-api/index.html').text.contains('href="../ledger/index.html"')
// both teams' runbooks are in the one search index, and on call is one page for both services
def search = new File(site, 'assets/search-index.js').text
assert search.contains('payments-api-down') && search.contains('ledger-down')
def oncall = new File(site, 'oncall.html').text
assert oncall.contains('Alice Adams') && oncall.contains('Carol Chen')
// the report says which artifact and version each service came from, with its digest
def report = new JsonSlurper().parse(new File(site, 'opsbook-report.json'))
def parts = report.parts.collectEntries { [(it.artifact): it] }
assert parts['com.example.teams:payments-api:1.4.0'].services == ['payments-api']
assert parts['com.example.teams:ledger:2.0.1'].services == ['ledger']
assert parts['com.example.org:shared-facts:3.0'].services == []
def ledger = report.services.find { it.id == 'ledger' }
assert ledger.part.artifact == 'com.example.teams:ledger:2.0.1'
assert ledger.part.digest ==~ /sha256:[0-9a-f]{64}/ && ledger.part.digest == parts['com.example.teams:ledger:2.0.1'].digest
// a finding in a part names the artifact and the file inside it
assert report.findings.any { it.file.startsWith('com.example.teams:ledger:2.0.1!/services/ledger/') }
assert log.contains('com.example.teams:ledger:2.0.1!/services/ledger/')
// forked, the handbook merges the same parts into the same report
def forked = new JsonSlurper().parse(new File(basedir, 'handbook/target/forked/opsbook-report.json'))
assert log.contains('opsbook: building in a JVM of its own (opsbook.fork)')
assert forked.parts == report.parts
assert forked.findings == report.findings

// a team's check as a part: the reference to ledger is left to the handbook, in Maven's JVM and forked alike
def teamChecks = log.split('Building payments-api 1.4.0')
assert teamChecks.size() == 5 // the deploy, then the three checks (the split leaves the text before the first)
[teamChecks[2], teamChecks[3]].each { run ->
    assert run.contains("[INFO] opsbook: 2 references to services of other repositories are left to the organisation's build (such as content/services/payments-api/")
    assert run.contains('; 0 errors,') && !run.contains('[ERROR] content/')
}
// without opsbook.part the team's content is judged as a handbook of its own: ledger is not there
assert teamChecks[4].contains("[ERROR] content/services/payments-api/service.yaml:5:13: error: there is no service 'ledger'")
