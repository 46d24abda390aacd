// opsbook.fork: an error finding in the forked check fails the build, with its place, as in Maven's own JVM
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] opsbook: building in a JVM of its own (opsbook.fork): ')
assert log.contains("[ERROR] content/services/api/service.yaml:3:1: error: unknown key 'ownr' [schema]\n[ERROR]   hint: remove it; the keys allowed here are ")
assert log =~ /\[ERROR\] Failed to execute goal [^\n]*opsbook: 1 service: [^\n]*2 errors[^\n]*; see the findings above/
assert log.contains('BUILD FAILURE')
assert new File(basedir, 'target/opsbook/opsbook-report.sarif').isFile()
assert !new File(basedir, 'target/opsbook/index.html').exists()
