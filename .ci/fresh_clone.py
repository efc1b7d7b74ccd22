#!/usr/bin/env python3
"""The repository is complete on its own: a test run as a new user would do it.

Clones the committed HEAD into an empty temporary folder (nothing beside it, so no
../shared), checks that README.md and every Markdown file of the repository link only
to files inside it (and that those files exist), then runs the two commands of the
README's first ```sh block there, as written: the one that builds and runs an example
and the one that runs every test. Exits non-zero if a link leaves the repository or
points at nothing, or if either command fails.

  .ci/fresh_clone.py [--keep] [--then CMD]...
      --keep      leave the clone and print where it is
      --then CMD  after the README's commands, run CMD (a shell command) in the clone
                  too, reusing its build (CI's conformance and benchmark steps)

CARGO_TARGET_DIR, when set, is passed on (CI leaves it unset: everything is built in
the clone). Uncommitted changes are not in the clone: commit before running this.
"""

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


def readme_commands(text):
    """The commands of the README's first ```sh block, comments stripped."""
    m = re.search(r"```sh\n(.*?)```", text, re.S)
    if not m:
        sys.exit("fresh_clone: README.md has no ```sh block with the two commands")
    commands = []
    for line in m.group(1).splitlines():
        cmd = line.split("#", 1)[0].strip()
        if cmd:
            commands.append(cmd)
    if len(commands) != 2:
        sys.exit(f"fresh_clone: README.md's first ```sh block should hold 2 commands, not {len(commands)}: {commands}")
    return commands


def bad_links(clone):
    """Links in the repository's Markdown files that leave it or point at nothing."""
    problems = []
    for dirpath, dirnames, filenames in os.walk(clone):
        dirnames[:] = [d for d in dirnames if d not in (".git", "target", ".venv")]
        for name in filenames:
            if not name.endswith(".md"):
                continue
            path = os.path.join(dirpath, name)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            # Code blocks and inline code are not links.
            text = re.sub(r"```.*?```", "", text, flags=re.S)
            text = re.sub(r"`[^`\n]*`", "", text)
            for target in LINK.findall(text):
                if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
                    continue  # a URL or an anchor in the same page
                rel = target.split("#", 1)[0]
                resolved = os.path.normpath(os.path.join(dirpath, rel))
                where = os.path.relpath(path, clone)
                if os.path.commonpath([resolved, clone]) != clone:
                    problems.append(f"{where}: `{target}` points outside the repository")
                elif not os.path.exists(resolved):
                    problems.append(f"{where}: `{target}` does not exist")
    return problems


def parse_args(argv):
    keep, then = False, []
    it = iter(argv)
    for a in it:
        if a == "--keep":
            keep = True
        elif a == "--then":
            cmd = next(it, None)
            if cmd is None:
                sys.exit("fresh_clone: --then needs a command")
            then.append(cmd)
        else:
            sys.exit(f"fresh_clone: unknown argument {a!r} (see the docstring)")
    return keep, then


def main():
    keep, then = parse_args(sys.argv[1:])
    status = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout
    if status.strip():
        print("fresh_clone: note: uncommitted changes are not part of this check (only HEAD is cloned)")
    parent = tempfile.mkdtemp(prefix="mojolite-fresh-")
    clone = os.path.join(parent, "mojolite")
    try:
        subprocess.run(["git", "clone", "--quiet", "--no-local", ROOT, clone], check=True)
        problems = bad_links(clone)
        if problems:
            print("fresh_clone: Markdown links that leave the repository or point at nothing:")
            for p in problems:
                print("  " + p)
            return 1
        print("fresh_clone: every Markdown link stays inside the repository")
        with open(os.path.join(clone, "README.md"), encoding="utf-8") as f:
            commands = readme_commands(f.read())
        for cmd in commands:
            print(f"fresh_clone: $ {cmd}   (in {clone}, nothing beside it)", flush=True)
            env = dict(os.environ)
            env.pop("MOJOLITE_CASES", None)
            r = subprocess.run(shlex.split(cmd), cwd=clone, env=env)
            if r.returncode != 0:
                print(f"fresh_clone: FAILED (exit status {r.returncode}): {cmd}")
                return 1
        print("fresh_clone: both README commands passed in a fresh clone")
        for cmd in then:
            print(f"fresh_clone: $ {cmd}   (in the clone)", flush=True)
            r = subprocess.run(["bash", "-c", cmd], cwd=clone)
            if r.returncode != 0:
                print(f"fresh_clone: FAILED (exit status {r.returncode}): {cmd}")
                return 1
        return 0
    finally:
        if keep:
            print(f"fresh_clone: the clone is kept at {clone}")
        else:
            shutil.rmtree(parent, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
