def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] opsbook: skipped because opsbook.skip is true')
assert !new File(basedir, 'target/opsbook').exists()
assert log.contains('BUILD SUCCESS')
