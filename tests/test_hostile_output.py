"""Hostile places to write to: a pipe, a folder, links, a dead run's leftovers, a closed or full
standard output. kg writes only regular files, atomically, and never dies with a traceback."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hostile import kg, one_error, run_kg, store_with
from kg_builder.export import write_atomic
from kg_builder.errors import OutputError


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return store_with(tmp_path / "st", {"a.txt": 2000})


def export_to(store_dir: Path, output: Path):
    return kg("export", "--format", "ntriples", "--output", str(output), "--store", str(store_dir))


def test_hostile_output_onto_a_pipe_is_refused_and_the_pipe_stays(store_dir: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = export_to(store_dir, fifo)
    assert result.exit_code == 2
    assert "not a regular file" in one_error(result, "KG600")
    assert fifo.is_fifo()


def test_hostile_output_onto_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    with pytest.raises(OutputError, match="is a folder"):
        write_atomic(tmp_path / "out", b"data")
    assert (tmp_path / "out").is_dir()


def test_hostile_output_onto_a_link_writes_its_file_and_keeps_the_link(store_dir: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.nt"
    real.write_text("old\n")
    link = tmp_path / "link.nt"
    link.symlink_to(real)
    result = export_to(store_dir, link)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and link.resolve() == real
    assert real.read_text().count("<http://example.org/a.txt-") == 2000


def test_hostile_output_onto_a_link_to_a_missing_folder_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "link.nt"
    link.symlink_to(tmp_path / "nowhere" / "file.nt")
    with pytest.raises(OutputError, match="whose folder does not exist"):
        write_atomic(link, b"data")
    assert link.is_symlink()


def test_hostile_stale_temporaries_of_a_killed_run_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f".graph.ttl.{dead.stdout.strip()}.abc123.tmp"
    live = tmp_path / f".graph.ttl.{os.getppid()}.def456.tmp"  # a process that still runs: maybe writing now
    stale.write_text("half")
    live.write_text("in progress")
    write_atomic(target, b"whole\n")
    assert target.read_bytes() == b"whole\n"
    assert not stale.exists() and live.exists()


def test_hostile_failed_write_keeps_the_earlier_file_and_has_its_own_code(store_dir: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "notafolder"
    blocker.write_text("a file where a folder should be")
    result = export_to(store_dir, blocker / "out.nt")
    assert result.exit_code == 2
    assert "cannot write" in one_error(result, "KG600")
    assert blocker.read_text() == "a file where a folder should be"


def test_hostile_closed_stdout_ends_quietly(store_dir: Path) -> None:
    reader_gone = subprocess.Popen(["true"], stdin=subprocess.PIPE)
    reader_gone.wait()
    done = run_kg(["export", "--format", "ntriples", "--store", str(store_dir)], reader_gone.stdin)
    reader_gone.stdin.close()
    assert done.returncode == 141
    assert done.stderr == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_hostile_full_stdout_is_one_coded_line(store_dir: Path) -> None:
    with open("/dev/full", "w") as full:
        done = run_kg(["export", "--format", "ntriples", "--store", str(store_dir)], full)
    assert done.returncode == 2
    assert done.stderr.startswith("kg: error: [KG600] cannot write to standard output")
    assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) == 1
