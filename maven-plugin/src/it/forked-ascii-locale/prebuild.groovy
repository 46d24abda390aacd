// a content file named "schéma.txt", written as UTF-8 bytes by the shell whatever this JVM's locale is
// (a name committed to the repository would need the checkout's JVM to read it first)
def api = new File(basedir, 'content/services/api')
def p = ['sh', '-c', 'printf x > "$(printf "sch\\303\\251ma.txt")"'].execute(null, api)
assert p.waitFor() == 0
assert api.list().any { it.startsWith('sch') && it.endsWith('ma.txt') }
true
