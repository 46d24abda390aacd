def log = new File(basedir, 'build.log').text
// Maven's own error names the part that no repository has, before opsbook runs
assert log.contains('com.example.teams:ghost:zip:opsbook:1.0')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'handbook/target/opsbook/index.html').exists()
