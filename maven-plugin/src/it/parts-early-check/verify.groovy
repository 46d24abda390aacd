def log = new File(basedir, 'build.log').text
// the team's build fails on a severity the organisation's published facts do not define, naming the team's file
assert log.contains("[ERROR] content/services/payments-api/service.yaml:7:40: error: there is no severity 'SEV1' [broken-reference]")
assert log.contains('[INFO] opsbook: checked with the part com.example.org:shared-facts:3.0')
// the one error: the reference to ledger, of another repository, is left to the organisation's build
assert log.contains('; 1 error,')
assert log.contains("2 references to services of other repositories are left to the organisation's build (such as content/services/")
assert log.contains('no part is attached')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'payments-api/target/payments-api-1.5.0-opsbook.zip').exists()
