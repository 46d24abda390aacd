def log = new File(basedir, 'build.log').text
assert log.contains('opsbook:generate')
// the parameters of the goal, with their user properties, as users type them
assert log.contains('contentDirectory')
assert log.contains('User property: opsbook.contentDirectory')
assert log.contains('User property: opsbook.asOf')
assert log.contains('BUILD SUCCESS')
