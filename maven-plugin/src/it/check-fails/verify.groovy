def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] services/api/service.yaml:3:1: error: unknown key 'ownr' (did you mean 'owner'?) [schema]")
assert log.contains('opsbook-maven-plugin') && log.contains(':check (default) @ check-fails')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/opsbook').exists()
