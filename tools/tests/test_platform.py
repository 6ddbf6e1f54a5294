"""Tests of ./nnlab's platform detection: which ND4J natives `./nnlab setup` fetches on each machine.

detect_platform takes `uname -s` and `uname -m` as arguments, so every platform is tested here with the
values those machines print (macOS, Windows and arm64 machines cannot run here)."""
import os
import pathlib
import subprocess
import sys
import unittest

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
NNLAB = ROOT / "nnlab"


def bash(script, **env):
    """Runs bash with ./nnlab's functions defined (sourced, so no command runs)."""
    full = {k: v for k, v in os.environ.items() if k != "NNLAB_PLATFORM"}
    return subprocess.run(["bash", "-c", f'source "{NNLAB}"; {script}'], capture_output=True, text=True,
                          env={**full, **env}, timeout=60)


# uname -s, uname -m as each machine prints them -> javacpp.platform, nd4j-native's classifier
MACHINES = [
    ("Linux", "x86_64", "linux-x86_64", "linux-x86_64-onednn"),            # Debian, Ubuntu, WSL 2 on Intel/AMD
    ("Linux", "aarch64", "linux-arm64", "linux-arm64"),                    # Raspberry Pi 4/5, Graviton, WSL 2 on ARM
    ("Darwin", "x86_64", "macosx-x86_64", "macosx-x86_64-onednn"),         # Intel Mac
    ("Darwin", "arm64", "macosx-arm64", "macosx-arm64"),                   # Apple silicon
]


class DetectPlatformTest(unittest.TestCase):
    def detect(self, s, m):
        return bash(f'detect_platform "{s}" "{m}" && natives_for "$(detect_platform "{s}" "{m}")"')

    def test_each_supported_machine_gets_its_natives(self):
        for s, m, platform, natives in MACHINES:
            with self.subTest(uname=(s, m)):
                r = self.detect(s, m)
                self.assertEqual(0, r.returncode, r.stderr)
                self.assertEqual([platform, natives], r.stdout.split())

    def test_onednn_only_where_maven_central_has_it(self):
        r = bash('for p in "${PLATFORMS[@]}"; do echo "$p $(natives_for "$p")"; done')
        self.assertEqual(["linux-x86_64 linux-x86_64-onednn", "linux-arm64 linux-arm64",
                          "macosx-x86_64 macosx-x86_64-onednn", "macosx-arm64 macosx-arm64",
                          "windows-x86_64 windows-x86_64-onednn"], r.stdout.splitlines())

    def test_a_windows_shell_is_pointed_to_wsl2(self):
        for s in ("MINGW64_NT-10.0-19045", "MSYS_NT-10.0-22631", "CYGWIN_NT-10.0", "Windows_NT"):
            with self.subTest(uname=s):
                r = self.detect(s, "x86_64")
                self.assertEqual(1, r.returncode)
                self.assertEqual("", r.stdout)
                self.assertIn(f"this is a Windows shell ({s})", r.stderr)
                self.assertIn("WSL 2", r.stderr)
                self.assertIn("wsl --install", r.stderr)

    def test_an_unknown_system_or_processor_names_what_it_got(self):
        r = self.detect("FreeBSD", "amd64")
        self.assertEqual(1, r.returncode)
        self.assertIn("'uname -s' says 'FreeBSD'", r.stderr)
        self.assertIn("NNLAB_PLATFORM", r.stderr)
        r = self.detect("Linux", "ppc64le")
        self.assertEqual(1, r.returncode)
        self.assertIn("'uname -m' says 'ppc64le'", r.stderr)

    def test_wsl_is_recognised_from_proc_version(self):
        cases = {
            "Linux version 5.15.153.1-microsoft-standard-WSL2 (root@941d701f84f1) (gcc (GCC) 11.2.0)": "wsl2",
            "Linux version 4.4.0-19041-Microsoft (Microsoft@Microsoft.com) (gcc version 5.4.0)": "wsl1",
            "Linux version 6.1.0-18-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14))": "",
        }
        for version, kind in cases.items():
            with self.subTest(version=version):
                self.assertEqual(kind, bash(f'wsl_kind "{version}"').stdout.strip())


class PlatformInitTest(unittest.TestCase):
    def test_nnlab_platform_overrides_the_machine(self):
        r = bash('platform_init; echo "$PLATFORM $NATIVES"', NNLAB_PLATFORM="macosx-arm64")
        self.assertEqual("macosx-arm64 macosx-arm64", r.stdout.strip(), r.stderr)

    def test_another_machines_platform_is_allowed_with_a_warning(self):
        r = bash('platform_init; platform_report', NNLAB_PLATFORM="macosx-arm64")
        self.assertEqual(0, r.returncode, r.stderr)
        self.assertIn("ND4J natives: macosx-arm64 (javacpp.platform=macosx-arm64, from NNLAB_PLATFORM)", r.stdout)
        if os.uname().sysname != "Darwin":
            self.assertIn("NNLAB_PLATFORM=macosx-arm64 is not this machine", r.stderr)

    def test_a_wrong_nnlab_platform_lists_the_five(self):
        r = bash('platform_init', NNLAB_PLATFORM="macos-arm64")
        self.assertEqual(1, r.returncode)
        self.assertIn("NNLAB_PLATFORM must be one of: linux-x86_64 linux-arm64 macosx-x86_64 macosx-arm64"
                      " windows-x86_64, but it is 'macos-arm64'", r.stderr)

    def test_this_machine(self):
        u = os.uname()
        expected = bash(f'detect_platform "{u.sysname}" "{u.machine}"').stdout.strip()
        r = bash('platform_init; echo "$PLATFORM"')
        self.assertEqual(expected, r.stdout.strip(), r.stderr)

    def test_maven_is_called_with_the_platform(self):
        # a fake mvn on PATH prints its arguments: mvn_ must pass both properties
        import tempfile
        d = pathlib.Path(tempfile.mkdtemp())
        self.addCleanup(lambda: [p.unlink() for p in d.iterdir()] and d.rmdir())
        (d / "mvn").write_text('#!/bin/sh\necho "$@"\n')
        (d / "mvn").chmod(0o755)
        r = bash('mvn_ -q validate', NNLAB_PLATFORM="windows-x86_64", PATH=f"{d}:{os.environ['PATH']}")
        self.assertIn("-Djavacpp.platform=windows-x86_64 -Dnd4j.natives=windows-x86_64-onednn -q validate",
                      r.stdout)


RESOLVE = os.environ.get("NNLAB_RESOLVE_PLATFORMS") == "1"
if not RESOLVE:
    print("\n*** SKIPPING Maven's resolution of the five platforms' natives (tools/tests/test_platform.py): it downloads"
          " ~470 MB once; CI runs it (NNLAB_RESOLVE_PLATFORMS=1 in .ci/run), or run tools/resolve_platforms.sh ***\n",
          file=sys.stderr)


@unittest.skipUnless(RESOLVE, "set NNLAB_RESOLVE_PLATFORMS=1 (downloads ~470 MB once): tools/resolve_platforms.sh")
class MavenResolvesEachPlatformTest(unittest.TestCase):
    def test_each_platform_resolves_its_natives_from_maven_central(self):
        r = subprocess.run([str(ROOT / "tools/resolve_platforms.sh")], capture_output=True, text=True, timeout=3600)
        self.assertEqual(0, r.returncode, r.stdout + r.stderr)
        for p in ("linux-x86_64", "linux-arm64", "macosx-x86_64", "macosx-arm64", "windows-x86_64"):
            self.assertRegex(r.stdout, rf"ok {p}: nd4j-native:{p}(-onednn)? and \d+ other native jar")
            self.assertIn(f"org.bytedeco:openblas:jar:{p}:", r.stdout)


if __name__ == "__main__":
    unittest.main()
