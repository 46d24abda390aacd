// fork=auto: one Markdown file reaches the threshold of one, so the site is built in a JVM of its own
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] opsbook: building in a JVM of its own (at least 1 Markdown files): ')
assert log =~ /\[INFO\] opsbook: -XX:[^\n]*-XX:TieredStopAtLevel=1/
assert new File(basedir, 'target/opsbook/index.html').isFile()
assert log.contains('BUILD SUCCESS')
