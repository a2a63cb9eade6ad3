"""Run a GitHub Actions workflow's jobs on this machine, as a runner would run them.

Each job gets its own fresh clone of the working tree (uncommitted and untracked files
included, ignored ones not: what a pull request would hold), made when its checkout step
runs. Its `run:` steps run in order with bash, in that clone, with the environment a
runner gives: the machine's python3 and node on PATH (what setup-python and setup-node
put there; python3 in a throw-away environment without pip, so no step can change the
machine's Python), no virtualenv or test settings of the process that started it, and
CI=true.
pip's and npm's download caches are the machine's, so a fresh install downloads nothing
twice; the clone's .venv/ and node_modules/ are its own.

A `uses:` step is mapped to what it does here (ACTIONS), or the job fails: nothing is
skipped without saying so. A job that runs the test suite itself (`.ci/run`) is skipped,
so a test of the workflows does not start the suite that runs it. Jobs run in the order of
their `needs`; a job whose needs did not succeed is skipped, as on GitHub. A job's `if:`
is not evaluated: the workflow is run for the event it exists for.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# The one step that runs the whole test suite (README: scripts/test); never run from here.
SUITE_COMMAND = ".ci/run"
# Settings of the process that starts the workflow, not of a runner: a test run's
# PYTHONPATH would make the clone's tools import this checkout's code.
DROPPED_ENV = ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP", "PYTEST_ADDOPTS")
DROPPED_PREFIXES = ("PYTEST_", "ACTIEBANK_", "GITHUB_", "RUNNER_", "COV_CORE_")
TAIL_LINES = 60


@dataclass
class StepResult:
    name: str
    outcome: str  # "success", "failure" or "skipped"
    detail: str = ""  # why it was skipped or failed, or the end of what it printed
    seconds: float = 0.0


@dataclass
class JobResult:
    name: str
    outcome: str  # "success", "failure" or "skipped"
    reason: str = ""
    steps: list[StepResult] = field(default_factory=list)
    workspace: Path | None = None
    seconds: float = 0.0

    def report(self) -> str:
        """What a person reads when the job did not succeed: each step and its output."""
        lines = [f"job {self.name}: {self.outcome} {self.reason}".rstrip()]
        for step in self.steps:
            lines.append(f"  step {step.name!r}: {step.outcome} ({step.seconds:.0f} s)")
            if step.outcome == "failure":
                lines.extend(f"    | {line}" for line in step.detail.splitlines())
        return "\n".join(lines)


@dataclass
class Job:
    """What a step handler gets: the job's workspace and settings."""

    name: str
    spec: dict[str, Any]
    workspace: Path
    temp: Path
    source: Path
    env: dict[str, str]


def read_workflow(path: Path) -> dict[str, Any]:
    """The workflow as a dict (YAML 1.1 reads the key `on` as True; it is `on` here)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))
    return dict(data)


def run_steps(job: dict[str, Any]) -> list[str]:
    """The `run:` scripts of a job, in order."""
    return [step["run"] for step in job.get("steps", []) if "run" in step]


def step_name(step: dict[str, Any], index: int) -> str:
    return str(step.get("name") or step.get("uses") or step.get("run", "").split("\n")[0] or index)


# --- the clone ---------------------------------------------------------------------------


def _git(*args: str, cwd: Path) -> str:
    result = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)}: {result.stderr.strip()}")
    return result.stdout


def working_tree_files(source: Path) -> list[str]:
    """Every file a commit of the working tree would hold: tracked files as they are now
    (deleted ones left out) and untracked files that are not ignored."""
    listed = _git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=source)
    names = sorted({name for name in listed.split("\0") if name})
    return [name for name in names if os.path.lexists(source / name)]


def working_tree_clone(source: Path, destination: Path, *, history: bool = True) -> Path:
    """A clone of `source` whose last commit is its working tree as it is now.

    With `history` (checkout's fetch-depth: 0) the clone has the source's commits below
    that one, so steps that read the history see it; without, only that commit.
    """
    source, destination = Path(source), Path(destination)
    has_commits = (
        subprocess.run(
            ["git", "rev-parse", "--verify", "--quiet", "HEAD^{commit}"],
            cwd=source,
            capture_output=True,
            timeout=60,
            check=False,
        ).returncode
        == 0
    )
    if history and has_commits:
        _git("clone", "--quiet", "--no-checkout", str(source), str(destination), cwd=source)
        # Empty the index: what is not in the working tree is deleted in the new commit.
        _git("read-tree", "--empty", cwd=destination)
    else:
        destination.mkdir(parents=True)
        _git("init", "--quiet", cwd=destination)
    for name in working_tree_files(source):
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / name, target, follow_symlinks=False)
    _git("add", "--all", cwd=destination)
    _git(
        "-c",
        "user.name=Workflow test",
        "-c",
        "user.email=workflow-test@localhost",
        "commit",
        "--quiet",
        "--allow-empty",
        "--no-verify",
        "--message",
        "The working tree under test",
        cwd=destination,
    )
    return destination


# --- the environment ----------------------------------------------------------------------


def _pip_cache() -> str:
    return os.environ.get("PIP_CACHE_DIR") or str(Path.home() / ".cache" / "pip")


def _npm_cache() -> str:
    return os.environ.get("NPM_CONFIG_CACHE") or str(Path.home() / ".npm")


def runner_path(source: Path) -> str:
    """PATH without virtualenvs and without the source checkout's own tools: what a runner
    has is the system's python3 (setup-python) and node (setup-node)."""
    hidden = {Path(sys.prefix).resolve() / "bin"} if sys.prefix != sys.base_prefix else set()
    if os.environ.get("VIRTUAL_ENV"):
        hidden.add(Path(os.environ["VIRTUAL_ENV"]).resolve() / "bin")
    kept = []
    for part in os.environ.get("PATH", "").split(os.pathsep):
        if not part:
            continue
        resolved = Path(part).resolve()
        if resolved in hidden or resolved.is_relative_to(Path(source).resolve()):
            continue
        kept.append(part)
    return os.pathsep.join(kept)


def runner_env(source: Path, workspace: Path, temp: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in DROPPED_ENV and not key.startswith(DROPPED_PREFIXES)
    }
    env.update(
        {
            "PATH": runner_path(source),
            "CI": "true",
            "GITHUB_ACTIONS": "true",
            "GITHUB_WORKSPACE": str(workspace),
            "RUNNER_OS": "Linux",
            "RUNNER_TEMP": str(temp),
            "PIP_CACHE_DIR": _pip_cache(),
            "NPM_CONFIG_CACHE": _npm_cache(),
        }
    )
    return env


def _version_of(command: list[str], env: dict[str, str]) -> str:
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    return (result.stdout + result.stderr).strip()


# --- what each action does here -----------------------------------------------------------


def _checkout(job: Job, inputs: dict[str, Any]) -> StepResult:
    if job.workspace.exists():
        return StepResult("checkout", "failure", "a second checkout in one job")
    history = str(inputs.get("fetch-depth", 1)) == "0"
    working_tree_clone(job.source, job.workspace, history=history)
    kind = "with its history" if history else "one commit (fetch-depth 1)"
    return StepResult("checkout", "success", f"fresh clone of the working tree, {kind}")


def _setup_python(job: Job, inputs: dict[str, Any]) -> StepResult:
    wanted = str(inputs.get("python-version", ""))
    found = _version_of(["python3", "--version"], job.env)  # "Python 3.11.7"
    have = found.split()[-1] if found else ""
    if not wanted or not (have == wanted or have.startswith(f"{wanted}.")):
        return StepResult("setup-python", "failure", f"asks Python {wanted!r}, python3 is {found}")
    # python3 and python of the machine's Python, in an environment of the job's own: a
    # step that installs into "the runner's Python" changes nothing outside the job.
    # It has no pip: such a step fails here (the README's commands install into .venv/).
    python = job.temp / "setup-python"
    made = subprocess.run(
        ["python3", "-m", "venv", "--without-pip", str(python)],
        env=job.env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if made.returncode != 0:
        return StepResult("setup-python", "failure", made.stdout + made.stderr)
    job.env["PATH"] = os.pathsep.join([str(python / "bin"), job.env["PATH"]])
    return StepResult("setup-python", "success", f"the machine's python3 ({have})")


def _setup_node(job: Job, inputs: dict[str, Any]) -> StepResult:
    wanted = str(inputs.get("node-version", ""))
    found = _version_of(["node", "--version"], job.env)  # "v20.20.2"
    if not wanted or not found.lstrip("v").startswith(f"{wanted}."):
        return StepResult("setup-node", "failure", f"asks Node {wanted!r}, node is {found}")
    return StepResult("setup-node", "success", f"the machine's node ({found})")


def _skipped(why: str) -> Callable[[Job, dict[str, Any]], StepResult]:
    def handler(job: Job, inputs: dict[str, Any]) -> StepResult:
        return StepResult("", "skipped", why)

    return handler


def _upload_pages_artifact(job: Job, inputs: dict[str, Any]) -> StepResult:
    path = job.workspace / str(inputs.get("path", "_site/"))
    if not (path / "index.html").is_file():
        return StepResult("upload-pages-artifact", "failure", f"{path} holds no built site")
    return StepResult("upload-pages-artifact", "success", f"not uploaded; {path} is the site")


ACTIONS: dict[str, Callable[[Job, dict[str, Any]], StepResult]] = {
    "actions/checkout": _checkout,
    "actions/setup-python": _setup_python,
    "actions/setup-node": _setup_node,
    "actions/cache": _skipped("not restored: a cold cache, as on the first run"),
    "actions/upload-artifact": _skipped("not uploaded"),
    "actions/upload-pages-artifact": _upload_pages_artifact,
    "actions/deploy-pages": _skipped("not published"),
}


# --- running --------------------------------------------------------------------------------


def _shell(step: dict[str, Any], script: Path) -> list[str]:
    shell = step.get("shell")
    if shell is None:
        return ["bash", "-e", str(script)]  # the runner's default on Linux
    if shell == "bash":
        return ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)]
    if shell == "sh":
        return ["sh", "-e", str(script)]
    raise ValueError(f"shell {shell!r} is not run here")


def _expression_free(value: Any, where: str) -> None:
    if "${{" in str(value):
        raise ValueError(f"{where}: a ${{{{ }}}} expression is not evaluated here")


def _run_script(job: Job, step: dict[str, Any], index: int, deadline: float) -> StepResult:
    _expression_free(step["run"], f"{job.name} step {index}")
    env = dict(job.env)
    for key, value in (step.get("env") or {}).items():
        _expression_free(value, f"{job.name} step {index} env {key}")
        env[key] = str(value)
    script = job.temp / f"step-{index}.sh"
    script.write_text(step["run"], encoding="utf-8")
    log = job.temp / f"step-{index}.log"
    cwd = job.workspace / step.get("working-directory", ".")
    if not cwd.is_dir():
        return StepResult("", "failure", f"no folder {cwd} (no checkout before this step?)")
    limit = deadline - time.monotonic()
    if "timeout-minutes" in step:
        limit = min(limit, float(step["timeout-minutes"]) * 60)
    with log.open("wb") as output:
        process = subprocess.Popen(
            _shell(step, script),
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: a timeout ends all of it
        )
        try:
            code = process.wait(timeout=max(limit, 1))
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            code = None
    printed = log.read_text(encoding="utf-8", errors="replace").splitlines()
    tail = "\n".join(printed[-TAIL_LINES:])
    if code is None:
        return StepResult("", "failure", f"timed out after {limit:.0f} s\n{tail}")
    if code != 0:
        return StepResult("", "failure", f"exit code {code}\n{tail}")
    return StepResult("", "success", tail)


def _runs_after_failure(step: dict[str, Any]) -> bool:
    condition = str(step.get("if", ""))
    return "always()" in condition or "failure()" in condition


def runs_the_suite(job: dict[str, Any]) -> bool:
    return any(
        line.strip() == SUITE_COMMAND for script in run_steps(job) for line in script.splitlines()
    )


def run_job(
    name: str, spec: dict[str, Any], source: Path, base: Path, workflow_env: dict
) -> JobResult:
    started = time.monotonic()
    deadline = started + float(spec.get("timeout-minutes", 360)) * 60
    folder = base / name
    (folder / "temp").mkdir(parents=True)
    workspace = folder / "workspace"
    env = runner_env(source, workspace, folder / "temp")
    for key, value in {**workflow_env, **(spec.get("env") or {})}.items():
        _expression_free(value, f"{name} env {key}")
        env[key] = str(value)
    job = Job(name, spec, workspace, folder / "temp", Path(source), env)
    result = JobResult(name, "success", workspace=workspace)
    for index, step in enumerate(spec.get("steps", []), start=1):
        label = step_name(step, index)
        if result.outcome == "failure" and not _runs_after_failure(step):
            result.steps.append(StepResult(label, "skipped", "an earlier step failed"))
            continue
        if "if" in step and "run" in step and not _runs_after_failure(step):
            raise ValueError(f"{name} step {label!r}: its `if:` is not evaluated here")
        clock = time.monotonic()
        if "run" in step:
            outcome = _run_script(job, step, index, deadline)
        else:
            action = str(step["uses"]).split("@", 1)[0]
            handler = ACTIONS.get(action)
            if handler is None:
                outcome = StepResult(
                    "", "failure", f"{action} has no meaning here; add it to ACTIONS in {__name__}"
                )
            else:
                outcome = handler(job, step.get("with") or {})
        outcome.name = label
        outcome.seconds = time.monotonic() - clock
        result.steps.append(outcome)
        if outcome.outcome == "failure":
            result.outcome = "failure"
            result.reason = f"step {label!r} failed"
    result.seconds = time.monotonic() - started
    return result


def job_order(jobs: dict[str, Any]) -> list[str]:
    """The jobs in an order that runs each after its `needs` (file order otherwise)."""
    order: list[str] = []
    pending = list(jobs)
    while pending:
        ready = [n for n in pending if all(need in order for need in _needs(jobs[n]))]
        if not ready:
            raise ValueError(f"jobs whose needs never run: {pending}")
        order.append(ready[0])
        pending.remove(ready[0])
    return order


def _needs(job: dict[str, Any]) -> list[str]:
    needs = job.get("needs", [])
    return [needs] if isinstance(needs, str) else list(needs)


def run_workflow(path: Path, source: Path, base: Path) -> dict[str, JobResult]:
    """Run every job of the workflow at `path` on fresh clones of `source`'s working
    tree, in folders under `base`. Returns each job's result, in the order they ran."""
    workflow = read_workflow(path)
    jobs = workflow["jobs"]
    results: dict[str, JobResult] = {}
    for name in job_order(jobs):
        spec = jobs[name]
        unmet = [need for need in _needs(spec) if results[need].outcome != "success"]
        if runs_the_suite(spec):
            results[name] = JobResult(name, "skipped", f"runs the test suite ({SUITE_COMMAND})")
        elif unmet:
            results[name] = JobResult(name, "skipped", f"needs {', '.join(unmet)}")
        else:
            results[name] = run_job(name, spec, source, Path(base), workflow.get("env") or {})
    return results


def commands_of(script: str) -> list[str]:
    """The command lines of a `run:` script, without comments and blank lines."""
    lines = (re.sub(r"(^|\s)#.*", "", line).strip() for line in script.splitlines())
    return [line for line in lines if line]
