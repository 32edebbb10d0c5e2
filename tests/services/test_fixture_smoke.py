from tests.helpers import patient_data


def test_fixture_gives_empty_migrated_database(hb, admin_token):
    assert hb.patients.count(admin_token) == 0
    created = hb.patients.create(admin_token, patient_data())
    assert hb.patients.count(admin_token) == 1
    assert hb.patients.get(admin_token, created.id).last_name == "Иванов"
