def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] content/services/api/service.yaml:3:1: error: unknown key 'ownr' [schema]")
assert log.contains('opsbook-maven-plugin') && log.contains(':check (default) @ check-fails')
assert log.contains('BUILD FAILURE')
// check writes the report files, never the site pages
assert new File(basedir, 'target/opsbook/opsbook-report.sarif').isFile()
assert !new File(basedir, 'target/opsbook/index.html').exists()
