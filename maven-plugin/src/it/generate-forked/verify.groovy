// opsbook.fork: the same site and the same log as in Maven's own JVM, built by the command line in a JVM of its own
def log = new File(basedir, 'build.log').text
def site = new File(basedir, 'target/opsbook')
assert log.contains('[INFO] opsbook: building in a JVM of its own (opsbook.fork): ')
// printed by the forked JVM itself (-XX:+PrintCommandLineFlags), which Maven's JVM never does
assert log =~ /\[INFO\] opsbook: -XX:[^\n]*MaxHeapSize=[^\n]*-XX:TieredStopAtLevel=1/
assert new File(site, 'index.html').isFile()
assert new File(site, 'services/api/runbooks/api-down.html').text.contains('href="../../../severities.html#severity-P1"')
// the rota's calendars: ical4j runs in the forked JVM too (it logs through the SLF4J Maven keeps for itself)
assert new File(site, 'services/api/oncall.ics').text.contains('BEGIN:VEVENT')
assert !log.contains('SLF4J') && !log.contains('NoClassDefFoundError')
assert log =~ /\[WARNING\] content\/services\/api\/[^\n]+:\d+:\d+: warning: [^\n]+ \[[a-z-]+\]/
assert log =~ /\[INFO\] opsbook: 1 service: [^;\n]+; 0 errors, \d+ warnings, \d+ infos/
assert log.contains('BUILD SUCCESS')
// the findings come from the forked run's JSON report, once each, at their level: none is also logged as console text
assert !(log =~ /\[INFO\] opsbook: services\//)
assert log.count('[runbook-stale]') == 1
