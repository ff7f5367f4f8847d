"""catalog_for: the one place the app and the CLI get the served catalog from."""

from __future__ import annotations

from pathlib import Path

from repforge import importing
from repforge.config import Settings
from repforge.served import catalog_for, database, database_exists, file_catalog
from tests.factories import exercise_data, to_yaml

FIXTURES = Path(__file__).parent / "catalog" / "importers" / "fixtures"


def test_the_catalog_folder_plus_imports_is_what_everyone_serves(tmp_path: Path) -> None:
    folder = tmp_path / "catalog"
    folder.mkdir()
    for slug in ("barbell-curl", "test-squat"):
        (folder / f"{slug}.yaml").write_text(to_yaml(exercise_data(slug=slug)))
    settings = Settings(environment="test", data_dir=tmp_path / "data", catalog_dir=folder)
    assert file_catalog(settings).slugs == ("barbell-curl", "test-squat")
    with database(settings) as sessions:
        before = catalog_for(settings, sessions)
        importing.import_records(
            sessions, before.base, "free-exercise-db", FIXTURES / "free_exercise_db"
        )
        after = catalog_for(settings, sessions)
    assert before.catalog.slugs == ("barbell-curl", "test-squat")
    assert after.base.slugs == ("barbell-curl", "test-squat")
    assert len(after.catalog) == 6
    assert after.revision > before.revision


def test_only_a_sqlite_file_not_made_yet_counts_as_no_database(tmp_path: Path) -> None:
    fresh = Settings(environment="test", data_dir=tmp_path / "never")
    assert not database_exists(fresh)
    assert not (tmp_path / "never").exists()  # asking made nothing
    with database(fresh):
        pass
    assert database_exists(fresh)
    server = Settings(environment="test", database_url="postgresql+psycopg://db.example/x")
    assert database_exists(server)  # a server database may hold imports: always opened
