# JupyterHub configuration of the nnlab course server. Started by `./nnlab hub start` (see docs/hub.md),
# which sets the NNLAB_HUB_* variables below; the same settings for Zero to JupyterHub on Kubernetes are
# in hub/k8s/values.yaml (tools/tests/test_hub.py checks that both name the limits of hub/limits.json).
#
# - One shared install: every student's server runs the same .venv (Jupyter, the kernel) and finds the
#   "Java (nnlab)" kernelspec of $NNLAB_HUB_SHARE (written by ./nnlab hub setup, limits included), which
#   names the shared jars and MNIST; students own nothing of it, only their home folder.
# - Each student's own copy of the notebooks: the default URL is an nbgitpuller link to the course repo
#   (a local git repository made from notebooks/ by ./nnlab hub publish): the first visit clones it into
#   ~/nnlab, later visits merge the course's updates and keep the student's edits.
# - Limits per kernel (hub/kernel-limits: a cgroup when the machine lets us make one; -Xmx and JavaCPP's
#   maxbytes/maxphysicalbytes always) and the idle culler (servers) and Jupyter's own kernel culling.
import json
import os
import sys

ROOT = os.environ["NNLAB_ROOT"]
STATE = os.environ["NNLAB_HUB_STATE"]          # hub database, cookie secret, logs
SHARE = os.environ["NNLAB_HUB_SHARE"]          # share/jupyter with the limited kernelspec
COURSE = os.environ["NNLAB_HUB_COURSE"]        # the course repository (git) the notebooks come from
USERS = os.environ.get("NNLAB_HUB_USERS", "system")   # system: PAM users; dummy: any name, one password
HOMES = os.environ.get("NNLAB_HUB_HOMES", "/home")
IP = os.environ.get("NNLAB_HUB_IP", "127.0.0.1")
PORT = int(os.environ.get("NNLAB_HUB_PORT", "8000"))
with open(os.path.join(ROOT, "hub", "limits.json")) as f:
    LIMITS = json.load(f)
# a trial of the culler without waiting an hour: NNLAB_HUB_CULL_TIMEOUT / NNLAB_HUB_CULL_EVERY (seconds)
LIMITS["cull"]["server_idle_seconds"] = int(os.environ.get("NNLAB_HUB_CULL_TIMEOUT", LIMITS["cull"]["server_idle_seconds"]))
LIMITS["cull"]["every_seconds"] = int(os.environ.get("NNLAB_HUB_CULL_EVERY", LIMITS["cull"]["every_seconds"]))

c = get_config()  # noqa: F821 (JupyterHub defines it)

# ---------------------------------------------------------------- network: loopback unless told
c.JupyterHub.bind_url = f"http://{IP}:{PORT}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ.get("NNLAB_HUB_API_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ.get('NNLAB_HUB_PROXY_API_PORT', '8001')}"
c.ConfigurableHTTPProxy.command = [os.environ["NNLAB_HUB_PROXY"]]
c.JupyterHub.db_url = "sqlite:///" + os.path.join(STATE, "jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = os.path.join(STATE, "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = os.path.join(STATE, "jupyterhub-proxy.pid")

# ---------------------------------------------------------------- who logs in, where their files are
if USERS == "dummy":
    # tests and the load test: any user name, one shared password; all servers run as this OS user,
    # each in its own home folder $NNLAB_HUB_HOMES/<name>
    c.JupyterHub.authenticator_class = "dummy"
    c.DummyAuthenticator.password = os.environ["NNLAB_HUB_PASSWORD"]
    c.Authenticator.allow_all = True
    c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
    c.SimpleLocalProcessSpawner.home_dir_template = os.path.join(HOMES, "{username}")
elif USERS == "system":
    # a course machine: the students' own Linux accounts (PAM), each server runs as its student in /home/<name>
    c.JupyterHub.authenticator_class = "pam"
    c.LocalAuthenticator.create_system_users = False
    allowed = os.environ.get("NNLAB_HUB_ALLOWED_GROUP")
    if allowed:
        c.PAMAuthenticator.allowed_groups = {allowed}
    else:
        c.Authenticator.allow_all = True
    c.Spawner.notebook_dir = "~"
else:
    sys.exit(f"NNLAB_HUB_USERS must be 'system' or 'dummy', but it is '{USERS}'")
admins = os.environ.get("NNLAB_HUB_ADMINS", "")
c.Authenticator.admin_users = {a for a in admins.split(",") if a}

# ---------------------------------------------------------------- each student's server
venv_bin = os.path.dirname(sys.executable)
c.Spawner.cmd = [os.path.join(venv_bin, "jupyterhub-singleuser")]
c.Spawner.args = [
    "--KernelSpecManager.allowed_kernelspecs=java-nnlab",      # not the plain "Java (jjava)" pip installs
    "--MappingKernelManager.default_kernel_name=java-nnlab",
    # Jupyter's own culling of idle kernels (a server with an idle kernel is not idle for the hub)
    f"--MappingKernelManager.cull_idle_timeout={LIMITS['cull']['kernel_idle_seconds']}",
    f"--MappingKernelManager.cull_interval={LIMITS['cull']['every_seconds']}",
    "--MappingKernelManager.cull_connected=True",
]
if os.getuid() == 0 and USERS == "dummy":
    c.Spawner.args.append("--allow-root")
c.Spawner.environment = {
    # the shared, limited kernelspec comes first on Jupyter's path, before anything in a student's home
    "JUPYTER_PATH": SHARE,
    "NNLAB_DATA": os.environ.get("NNLAB_DATA", os.path.join(ROOT, "data")),
    "NBGITPULLER_APP": "lab",
    "NNLAB_HUB_STATE": STATE,   # marks this hub's servers and kernels (hub/bench.py finds leftovers by it)
    "PATH": venv_bin + os.pathsep + os.environ.get("PATH", "/usr/bin:/bin"),
}
# Git refuses to clone or fetch from a repository another user owns ("detected dubious ownership"; the
# course repository belongs to the administrator, not to the students): the students' git reads a system
# config that trusts the course repository (and includes the machine's own /etc/gitconfig)
GITCONFIG = os.path.join(STATE, "gitconfig")
with open(GITCONFIG, "w") as f:
    f.write(f"[include]\n\tpath = /etc/gitconfig\n[safe]\n\tdirectory = {COURSE}\n\tdirectory = {COURSE}/.git\n")
os.chmod(GITCONFIG, 0o644)
c.Spawner.environment["GIT_CONFIG_SYSTEM"] = GITCONFIG
# the nbgitpuller link every student starts at: clone (first visit) or merge (later) the course's notebooks
c.Spawner.default_url = ("/git-pull?repo=" + "file://" + COURSE + "&branch=main&targetpath=nnlab"
                         "&urlpath=lab/tree/nnlab/01-rectangle.ipynb")
# what a container spawner (KubeSpawner) enforces for the whole server; a local process spawner only
# passes them on as MEM_LIMIT/CPU_LIMIT: here each kernel is limited by hub/kernel-limits instead
c.Spawner.mem_limit = LIMITS["server"]["mem_limit"]
c.Spawner.mem_guarantee = LIMITS["server"]["mem_guarantee"]
c.Spawner.cpu_limit = LIMITS["server"]["cpu_limit"]
c.Spawner.cpu_guarantee = LIMITS["server"]["cpu_guarantee"]
# stopping a server (the hub, the culler): SIGINT, then SIGTERM after 5 s, which gives Jupyter time to shut
# its kernels down (their JVMs also end with their server: hub/kernel-limits)
c.LocalProcessSpawner.interrupt_timeout = 5
c.LocalProcessSpawner.term_timeout = 20
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.JupyterHub.concurrent_spawn_limit = 20

# ---------------------------------------------------------------- the idle culler (stops idle servers)
c.JupyterHub.load_roles = [{
    "name": "jupyterhub-idle-culler-role",
    "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
    "services": ["jupyterhub-idle-culler-service"],
}]
c.JupyterHub.services = [{
    "name": "jupyterhub-idle-culler-service",
    "command": [sys.executable, "-m", "jupyterhub_idle_culler",
                f"--timeout={LIMITS['cull']['server_idle_seconds']}",
                f"--cull-every={LIMITS['cull']['every_seconds']}"],
}]
