// README's recommended setup: the site is written, the build fails once, and each finding is printed once,
// named from the project's folder (content/...), so that an IDE or a CI log opens it
def log = new File(basedir, 'build.log').text
assert new File(basedir, 'target/opsbook/index.html').isFile()
assert new File(basedir, 'target/opsbook/services/api/index.html').isFile()
assert log.contains("[ERROR] content/services/api/service.yaml:2:1: error: unknown key 'ownr' (did you mean 'owner'?) [schema]\n[ERROR]   hint: rename it to 'owner'")
def findings = log.readLines().findAll { it =~ /^\[(ERROR|WARNING|INFO)\] content\/[^ ]+:\d+:\d+: / }
assert findings.size() > 1
assert findings.size() == findings.toSet().size() : "a finding printed twice: " + findings
assert !log.readLines().any { it =~ /^\[(ERROR|WARNING|INFO)\] services\// }
assert log.count('BUILD FAILURE') == 1
assert log.count('Failed to execute goal') == 1
// the code hosts' reports name the file from the project's folder too (opsbook.sourceRoot)
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/opsbook/opsbook-report.sarif'))
assert sarif.runs[0].results.every { it.locations[0].physicalLocation.artifactLocation.uri.startsWith('content/') }
assert new File(basedir, sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).isFile()
def quality = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/opsbook/gl-code-quality-report.json'))
assert quality.every { new File(basedir, it.location.path).isFile() }
