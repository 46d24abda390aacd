import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] com.example.teams:evil:1.0!/: error: the part com.example.teams:evil:1.0 (evil-1.0-opsbook.zip) is refused:"
        + " its entry 'content/../../../../evil-escaped.md' leads out of its folder (..); nothing of it is used [part-refused]")
assert log.contains('BUILD FAILURE') && !log.contains('broken-reference')
// nothing of it was used: no service evil, no file written outside, the other part still merged
def site = new File(basedir, 'handbook/target/opsbook')
assert !new File(site, 'services/evil').exists()
assert new File(site, 'services/ledger/index.html').isFile()
def escaped = []
new File(basedir, '..').eachFileRecurse { if (it.name == 'evil-escaped.md') escaped << it }
assert escaped.isEmpty()
def report = new JsonSlurper().parse(new File(site, 'opsbook-report.json'))
def evil = report.parts.find { it.artifact == 'com.example.teams:evil:1.0' }
assert evil.refused.contains('leads out of its folder') && evil.digest == null && evil.services == []
