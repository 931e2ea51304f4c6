"""End to end in a real browser: JupyterLab serves a notebook, headless Chromium runs its widget cell
(the course's denoising scrubber), key presses move the slider, and the pictures on the page change.

The other tests call the widgets from Python; only this one shows that the ipywidgets front end
(jupyterlab_widgets) loads in JupyterLab, draws the slider and the image, and sends a slider move
to the kernel and the new image back.

Tools: Debian's chromium and chromium-driver (apt-get, installed here when missing) driven by
Selenium (a dev extra) with the driver's path given, so Selenium Manager never runs and nothing is
downloaded. Selenium rather than Playwright: the whole test stays in Python and pytest (no Node
script beside it, no node_modules), Selenium and its dependencies are pinned in constraints.txt like
every other package, and the driver comes from the same Debian build as the browser.

Every process started here (JupyterLab, its kernel, chromedriver, Chromium and its helpers) is
stopped at the end, and the test checks that none is left. It saves a screenshot (and JupyterLab's log)
under $SD_COURSE_ARTIFACTS/browser/, by default test-artifacts/browser/, and prints the path.
Deselect it with -m 'not browser'.
"""
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
APT_PACKAGES = ["chromium", "chromium-driver"]
# as root Chromium needs --no-sandbox; the rest keep it off the network (this machine has none but
# localhost, and every refused connection costs time) and away from first-run screens
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--no-proxy-server", "--disable-dev-shm-usage", "--window-size=1280,1000"]
# no "would you like news?" toast over the notebook, no update check
LAB_SETTINGS = {"@jupyterlab/apputils-extension/notification.jupyterlab-settings":
                '{"fetchNews": "false", "checkForUpdates": false}'}

# the course's denoising scrubber (course/notebook/widgets.py): a step slider over three pictures (x_t, x̂₀, ε̂)
WIDGET_CELL = """\
from course.io.loading import load_bundled
from course.notebook.widgets import denoising_scrubber

denoising_scrubber(load_bundled(), "a red circle in the top left on a blue background", seed=0, steps=6)
"""
KEY_PRESSES = 3  # ArrowRight presses on the slider handle: the step goes from 0 to 3
# upper bounds in seconds, not expected times (each takes under 30 s on an idle 2-core CPU): generous, so a
# busy machine is slow rather than red. The cell imports torch, loads the model and samples 6 steps.
START_S, KERNEL_S, RENDER_S, UPDATE_S = 120, 120, 240, 120


# ---------------------------------------------------------------------------------- the tools

def _unavailable(reason):
    """Skip on a developer's machine; fail on CI, which runs as root and must run this test."""
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def _ensure_chromium():
    """Install Debian's chromium and chromium-driver with apt-get when they are missing."""
    if CHROMIUM.exists() and CHROMEDRIVER.exists():
        return
    fix = f"install them with: sudo apt-get install -y {' '.join(APT_PACKAGES)}"
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        _unavailable(f"the browser test needs {CHROMIUM} and {CHROMEDRIVER}; {fix}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    wait_for_lock = ["-o", "DPkg::Lock::Timeout=300"]
    for cmd in (["apt-get", *wait_for_lock, "update", "-q"],
                ["apt-get", *wait_for_lock, "install", "-y", "-q", "--no-install-recommends", *APT_PACKAGES]):
        done = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True)
        if done.returncode != 0:
            _unavailable(f"`{' '.join(cmd)}` failed ({done.stderr.strip()[-500:]}); {fix}")


def _selenium():
    try:
        import selenium.webdriver
    except ImportError:
        _unavailable("the browser test needs Selenium, a dev extra: pip install -c constraints.txt -e '.[dev]'")
    return selenium.webdriver


# ------------------------------------------------------------------------------ the processes

def _stat(pid):
    """(state, parent pid) from /proc/PID/stat, or None once the process is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    state, ppid = text[text.rindex(")") + 2:].split()[:2]  # the name in (...) may hold spaces
    return state, int(ppid)


def _alive(pids):
    """The pids still running: zombies count as gone (only their exit status is left)."""
    return [pid for pid in pids if (s := _stat(pid)) is not None and s[0] != "Z"]


def _descendants(root):
    """Every process below `root`, by walking parent pids (kernels start their own session)."""
    children = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (s := _stat(int(entry.name))) is not None:
            children.setdefault(s[1], []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        kids = children.get(todo.pop(), [])
        found += kids
        todo += kids
    return found


def _mentioning(text):
    """The live pids whose command line holds `text` (a temp path): orphans that no parent walk finds."""
    found = []
    for entry in Path("/proc").iterdir():
        with contextlib.suppress(OSError):
            if entry.name.isdigit() and text in (entry / "cmdline").read_text(errors="replace"):
                found.append(int(entry.name))
    return _alive(found)


def _stop(pids, grace=5.0):
    """SIGTERM, wait up to `grace` seconds, then SIGKILL whatever is left."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in _alive(pids):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, sig)
        deadline = time.monotonic() + grace
        while _alive(pids) and time.monotonic() < deadline:
            time.sleep(0.1)


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url, token, data=None, timeout=5):
    """GET (or POST with `data`) on the local server, never through a proxy."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    request = urllib.request.Request(url, data=data, headers={"Authorization": f"token {token}"})
    with opener.open(request, timeout=timeout) as response:
        return response.read()


@contextlib.contextmanager
def _jupyterlab(root, home, started):
    """JupyterLab on a free localhost port with a random token, serving `root`; yields its URL and token.

    Its config, data, runtime and settings folders all live under `home`, so a learner's own
    ~/.jupyter neither leaks in nor gets written. Every pid it ran is appended to `started`."""
    port, token = _free_port(), os.urandom(16).hex()
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(home / "config"), JUPYTER_DATA_DIR=str(home / "data"),
               JUPYTER_RUNTIME_DIR=str(home / "runtime"), JUPYTERLAB_SETTINGS_DIR=str(home / "settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"), IPYTHONDIR=str(home / "ipython"))
    for name, text in LAB_SETTINGS.items():
        (home / "settings" / name).parent.mkdir(parents=True, exist_ok=True)
        (home / "settings" / name).write_text(text)
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
           "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
           "--LabApp.extension_manager=readonly"]  # no PyPI look-ups from the extension manager
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    log = open(home / "jupyterlab.log", "w")
    lab = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                           start_new_session=True)
    started.append(lab.pid)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_S
        while True:
            try:
                _get(f"{url}/api/status", token)
                break
            except OSError:
                if lab.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"JupyterLab did not answer /api/status:\n{_tail(home / 'jupyterlab.log')}")
                time.sleep(0.25)
        yield url, token
    finally:
        below = _descendants(lab.pid)  # the kernel and anything it started
        started += below
        with contextlib.suppress(OSError):
            _get(f"{url}/api/shutdown", token, data=b"")  # shuts the kernels down, then the server
        with contextlib.suppress(subprocess.TimeoutExpired):
            lab.wait(timeout=10)
        _stop([lab.pid, *below, *_mentioning(str(root)), *_mentioning(str(home))])
        lab.wait()
        log.close()


@contextlib.contextmanager
def _chromium(profile, started):
    """A headless Chromium driven through Debian's chromedriver; a fresh profile in `profile`."""
    webdriver = _selenium()
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in [*CHROMIUM_FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    # an explicit driver path: Selenium Manager (which would download one) is skipped
    service = Service(executable_path=str(CHROMEDRIVER), log_output=str(profile.parent / "chromedriver.log"),
                      popen_kw={"start_new_session": True})
    driver = webdriver.Chrome(options=options, service=service)
    started.append(service.process.pid)
    try:
        yield driver
    finally:
        below = _descendants(service.process.pid)  # Chromium, its zygotes, renderers and GPU process
        started += below
        with contextlib.suppress(Exception):
            driver.quit()
        _stop([service.process.pid, *below, *_mentioning(str(profile))])


def _tail(path, n=3000):
    return Path(path).read_text(errors="replace")[-n:]


# ---------------------------------------------------------------------------------- the page

# a 16×16 thumbnail of an <img>, as flat RGBA bytes (the blob: URL it shows is same-origin, so readable)
PIXELS_JS = """
const img = arguments[0], canvas = document.createElement('canvas');
canvas.width = canvas.height = 16;
const ctx = canvas.getContext('2d');
ctx.drawImage(img, 0, 0, 16, 16);
return Array.from(ctx.getImageData(0, 0, 16, 16).data);
"""

# the notebook toolbar's kernel name and status: "No Kernel" is briefly "idle" too, before the kernel starts
KERNEL_IDLE_JS = """
const name = document.querySelector('.jp-NotebookPanel .jp-Toolbar-kernelName');
const status = document.querySelector('.jp-NotebookPanel .jp-Notebook-ExecutionIndicator');
return !!(name && status && name.textContent.trim() !== 'No Kernel' && status.dataset.status === 'idle');
"""


def _write_notebook(path, source):
    import nbformat
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)",
                                       "language": "python"}
    nbformat.write(notebook, path)


def _wait(driver, what, condition, timeout):
    """Poll `condition()` until it gives something truthy; fail naming `what` after `timeout` seconds."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait
    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.25).until(lambda _: condition())
    except TimeoutException:
        raise AssertionError(f"waited {timeout} s for {what}; the page says: "
                             f"{driver.find_element('tag name', 'body').text[-1500:]!r}") from None


def _css(driver, selector):
    return driver.find_elements("css selector", selector)


def _pictures(driver):
    """The widget's <img> elements once every one has loaded a picture, else None."""
    images = _css(driver, ".jp-OutputArea-output img.widget-image")
    loaded = driver.execute_script("return arguments[0].every(i => i.complete && i.naturalWidth > 0)", images)
    return images if images and loaded else None


def _look(driver):
    """What the widget shows now: each picture's src and 16×16 pixels, and the slider's readout."""
    images = _pictures(driver)
    return {"src": [i.get_attribute("src") for i in images],
            "pixels": [driver.execute_script(PIXELS_JS, i) for i in images],
            "readout": _css(driver, ".widget-slider .widget-readout")[0].text}


def _settled(driver, old_src, quiet=1.0):
    """A condition: the pictures differ from `old_src`, the kernel is idle and nothing changed for `quiet`
    seconds (each key press is its own update, so the first change seen may be step 1 on the way to 3)."""
    seen = {"src": None, "since": time.monotonic()}

    def condition():
        images = _pictures(driver)
        src = [i.get_attribute("src") for i in images] if images else None
        if src != seen["src"]:
            seen.update(src=src, since=time.monotonic())
        return (src is not None and src != old_src and driver.execute_script(KERNEL_IDLE_JS)
                and time.monotonic() - seen["since"] >= quiet)
    return condition


def _drive(driver, url, token, notebook):
    """Open the notebook, run its widget cell, press ArrowRight on the slider; returns what it showed
    before and after."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    driver.get(f"{url}/lab/tree/{notebook}?token={token}")
    _wait(driver, "the kernel to start and be idle", lambda: driver.execute_script(KERNEL_IDLE_JS), KERNEL_S)
    _css(driver, ".jp-CodeCell .jp-InputArea-editor")[0].click()
    ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.ENTER).key_up(Keys.SHIFT).perform()
    _wait(driver, "the widget's pictures to render", lambda: _pictures(driver), RENDER_S)
    before = _look(driver)
    handle = _css(driver, ".widget-slider .noUi-handle")[0]
    for _ in range(KEY_PRESSES):
        handle.send_keys(Keys.ARROW_RIGHT)
    _wait(driver, "the pictures to change and settle", _settled(driver, before["src"]), UPDATE_S)
    after = _look(driver)
    output = _css(driver, ".jp-CodeCell .jp-OutputArea-output")[0]
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", output)
    return before, after


def _artifacts():
    folder = Path(os.environ.get("SD_COURSE_ARTIFACTS", REPO / "test-artifacts")) / "browser"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_slider_changes_the_image_in_jupyterlab(capsys):
    _ensure_chromium()
    _selenium()
    artifacts = _artifacts()
    screenshot = artifacts / "widget.png"
    started = []
    work = Path(tempfile.mkdtemp(prefix="sd-course-browser-"))
    try:
        (work / "root").mkdir()
        _write_notebook(work / "root" / "widget.ipynb", WIDGET_CELL)
        with _jupyterlab(work / "root", work / "lab", started) as (url, token), \
                _chromium(work / "chromium-profile", started) as driver:
            try:
                before, after = _drive(driver, url, token, "widget.ipynb")
            finally:
                driver.save_screenshot(str(screenshot))
                with capsys.disabled():
                    print(f"\nbrowser test screenshot: {screenshot}")
    finally:
        if (work / "lab" / "jupyterlab.log").exists():
            shutil.copy(work / "lab" / "jupyterlab.log", artifacts / "jupyterlab.log")
        shutil.rmtree(work, ignore_errors=True)

    assert len(started) >= 4, f"expected JupyterLab, a kernel, chromedriver and Chromium; saw pids {started}"
    left = _alive(started) + _mentioning(str(work))
    assert left == [], f"processes left behind: {left}"
    assert before["readout"] == "0" and after["readout"] == str(KEY_PRESSES), (before["readout"], after["readout"])
    assert len(after["pixels"]) == len(before["pixels"]) > 0
    # mean |Δ| per channel (of 255) of each picture, step 0 -> step 3: x_t loses much of its noise by then
    changes = [sum(abs(a - b) for a, b in zip(p, q)) / len(p) for p, q in zip(before["pixels"], after["pixels"])]
    assert max(changes) > 5, f"the pictures barely changed: mean |Δ| per picture {changes}"
