"""The hosted editor loads: /admin/ of a site set up for GitHub, GitLab or Forgejo, opened under a name that
is not this computer's (as on the published site), shows the git host's login in the site's language and
no configuration error, with the review step (Decap's editorial_workflow) in its configuration. Nothing
leaves 127.0.0.1 before the writer clicks the login; the click goes to the git host that was set up."""

from __future__ import annotations

import functools
import shutil
import ssl
import subprocess
import threading
import time
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from browser import CHROMIUM, CHROMIUM_FLAGS, _QuietHandler, unavailable
from project import Project

pytestmark = [pytest.mark.browser]

HOSTED = "verhalen.test"  # Chromium maps the name to 127.0.0.1; to Decap it is not this computer
BACKENDS = {
    "github": ({"backend": "github", "repo": "meridiaan/verhalen", "base_url": "https://auth.example.nl"}, "auth.example.nl", "GitHub"),
    "gitlab": ({"backend": "gitlab", "repo": "meridiaan/verhalen", "app_id": "0a1b2c3d"}, "gitlab.com", "GitLab"),
    "forgejo": (
        {"backend": "forgejo", "repo": "meridiaan/verhalen", "app_id": "4e5f6a7b", "base_url": "https://git.example.nl",
         "api_root": "https://git.example.nl/api/v1"},
        "git.example.nl", "Forgejo",
    ),
}
LOGIN = {"nl": "Inloggen met {host}", "en": "Login with {host}"}
def _https_context(folder: Path) -> ssl.SSLContext:
    """A certificate of its own for the test's site: Decap's GitLab and Forgejo logins refuse a page that is
    not https ("Cannot authenticate over insecure protocol"), as a published site never is."""
    if shutil.which("openssl") is None:
        unavailable("openssl is missing (a test certificate for the https site)")
    key, certificate = folder / "key.pem", folder / "certificate.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={HOSTED}",
         "-addext", f"subjectAltName=DNS:{HOSTED}", "-keyout", str(key), "-out", str(certificate)],
        check=True, capture_output=True, timeout=60,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certificate, key)
    return context


CONFIG_ERROR = {"nl": "Fout bij het laden van de CMS configuratie", "en": "Error loading the CMS configuration"}


@pytest.mark.parametrize("backend, language", [
    ("github", "nl"), ("gitlab", "nl"), ("forgejo", "nl"), ("github", "en"), ("forgejo", "en"),
])
def test_the_hosted_editor_shows_the_git_host_s_login_with_the_review_step(
    project: Project, tmp_path_factory: pytest.TempPathFactory, backend: str, language: str,
) -> None:
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing")
    playwright_api = pytest.importorskip("playwright.sync_api")
    settings, git_host, host_name = BACKENDS[backend]
    project.story("2024-04-05-een-verhaal.md")
    project.configure(editor={**settings, "review": True}, theme__language=language)
    build = project.build("--strict")
    assert build.ok, build.output
    config = yaml.safe_load((build.site / "admin" / "config.yml").read_text("utf-8"))
    assert config["publish_mode"] == "editorial_workflow" and config["backend"]["name"] == backend
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(build.site)))
    server.socket = _https_context(tmp_path_factory.mktemp("tls")).wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    origin = f"https://{HOSTED}:{port}/"
    elsewhere: list[str] = []
    errors: list[str] = []
    try:
        with playwright_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=[
                *CHROMIUM_FLAGS, f"--host-resolver-rules=MAP {HOSTED} 127.0.0.1",
            ])
            context = browser.new_context(locale={"nl": "nl-NL", "en": "en-GB"}[language], ignore_https_errors=True)

            def refuse(route) -> None:
                elsewhere.append(route.request.url)
                route.abort()

            context.route(lambda url: not url.startswith(origin), refuse)
            page = context.new_page()
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(origin + "admin/")
            login = page.get_by_role("button", name=LOGIN[language].format(host=host_name))
            login.wait_for(timeout=20_000)
            page.wait_for_load_state("networkidle")
            assert page.get_by_text(CONFIG_ERROR[language]).count() == 0
            # What Decap loaded is the generated configuration, with the review step, and it accepted it.
            loaded = page.evaluate("fetch('config.yml').then(answer => answer.text())")
            assert "publish_mode: editorial_workflow" in loaded
            assert elsewhere == [], "before the click on the login nothing may leave the site"
            login.scroll_into_view_if_needed()
            box = login.bounding_box()
            page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            deadline = time.monotonic() + 10
            while not elsewhere and time.monotonic() < deadline:
                page.wait_for_timeout(100)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    assert errors == []
    # The login goes to the git host that was set up (GitHub: through the OAuth proxy), and nowhere else.
    assert elsewhere, "the click on the login went nowhere"
    assert {urlsplit(url).hostname for url in elsewhere} == {git_host}, elsewhere
