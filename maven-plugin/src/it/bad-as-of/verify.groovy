def log = new File(basedir, 'build.log').text
assert log.contains("opsbook.asOf is not a date (YYYY-MM-DD, e.g. 2026-11-21): '2026-13-45'")
// in the user's terms only: not java.time's
assert !log.contains('MonthOfYear')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/opsbook').exists()
