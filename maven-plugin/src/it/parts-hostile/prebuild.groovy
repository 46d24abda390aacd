// A part in the repository whose zip would write outside its folder, published by hand (not by opsbook:package).
import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

def dir = new File(basedir, 'remote-repo/com/example/teams/evil/1.0')
dir.mkdirs()
new File(dir, 'evil-1.0.pom').text = '''<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>com.example.teams</groupId><artifactId>evil</artifactId><version>1.0</version><packaging>pom</packaging></project>
'''
new File(dir, 'evil-1.0-opsbook.zip').withOutputStream { out ->
    def z = new ZipOutputStream(out)
    def put = { String name, String text ->
        z.putNextEntry(new ZipEntry(name))
        z.write(text.getBytes('UTF-8'))
        z.closeEntry()
    }
    put('opsbook-part.json', '{"format": "opsbook-part/1", "opsbook": "0.1.0", "artifact": "com.example.teams:evil:1.0",'
            + ' "services": ["evil"], "files": 2, "digest": "sha256:' + ('0' * 64) + '"}')
    put('content/services/evil/service.yaml', 'name: Evil\ndescription: Harmless-looking.\nowner: ledger\ntier: 3\n')
    put('content/../../../../evil-escaped.md', '# written outside the folder\n')
    z.close()
}
return true
