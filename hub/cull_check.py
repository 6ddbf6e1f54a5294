"""Checks that the idle culler stops an idle student's server, without waiting an hour: a hub for the check
with the culler's timeout at 20 s (checking every 5 s), one student who logs in, starts a server and does
nothing; prints when the server was stopped.

    ./nnlab hub bench --cull-check
"""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
os.environ["NNLAB_HUB_CULL_TIMEOUT"] = "20"
os.environ["NNLAB_HUB_CULL_EVERY"] = "5"
import bench  # noqa: E402
import student as st  # noqa: E402


def main():
    hub = bench.Hub()
    hub.start()
    culled = None
    try:
        s = st.Student(hub.base, "idle1", hub.password, str(hub.course))
        s.login()
        s.start_server()
        t0 = time.time()
        print("a student's server is running and idle; the culler's timeout is 20 s", flush=True)
        while time.time() - t0 < 180:
            if not s.api("GET", "/hub/api/users/idle1").json().get("servers"):
                culled = time.time() - t0
                break
            time.sleep(2)
    finally:
        left = hub.stop()
        hub.cleanup()
    if culled is None:
        print("FAILED: the idle server was not stopped within 180 s")
        return 1
    print(f"ok: the idle server was stopped {culled:.0f} s after it started; processes left: {left or 'none'}")
    return 0 if not left else 1


if __name__ == "__main__":
    sys.exit(main())
