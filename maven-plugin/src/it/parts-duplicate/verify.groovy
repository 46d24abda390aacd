def log = new File(basedir, 'build.log').text
// two artifacts define service ledger: one error naming both artifacts and files; the first (by coordinates) is used
assert log.contains("[ERROR] com.example.teams:ledger:2.0.1!/services/ledger/rota.yaml: error: service 'ledger' is defined twice:"
        + " by com.example.teams:ledger-fork:1.0 (ledger-fork-1.0-opsbook.zip) at com.example.teams:ledger-fork:1.0!/services/ledger/"
        + " and by com.example.teams:ledger:2.0.1 (ledger-2.0.1-opsbook.zip) at com.example.teams:ledger:2.0.1!/services/ledger/;"
        + " the first is used [duplicate-id]")
// only that: nothing else is wrong with the two parts
assert log.count('[ERROR] com.example') == 1 && !log.contains('broken-reference')
assert log.contains('BUILD FAILURE')
// the site is still written, with the first one's ledger (ledger-fork's rota: Dave leads)
def page = new File(basedir, 'handbook/target/opsbook/services/ledger/index.html')
assert page.isFile() && page.text.contains('Dave Diaz')
