# Maps the shared-memory and deleted-file shapes the classifier must name, then waits:
# System V shm (removed: "/SYSV0000002a (deleted)"), POSIX shm kept and unlinked, a memfd,
# and a private mapping of a file deleted afterwards. Prints "ready" when all are mapped.
import ctypes, mmap, os, signal, tempfile

libc = ctypes.CDLL(None, use_errno=True)
libc.shmat.restype = ctypes.c_void_p
libc.shmat.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_int]
pid = os.getpid()

shmid = libc.shmget(0x2a, 65536, 0o1600)          # IPC_CREAT | 0600
libc.shmat(shmid, None, 0)
libc.shmctl(shmid, 0, None)                        # IPC_RMID: the mapping stays, marked deleted

def posix_shm(name, unlink):
    path = "/dev/shm/" + name
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.ftruncate(fd, 8192)
    m = mmap.mmap(fd, 8192)
    if unlink:
        os.unlink(path)
    return m

kept = posix_shm("aspace-kept-%d" % pid, False)
gone = posix_shm("aspace-gone-%d" % pid, True)

fd = os.memfd_create("aspace-memfd")
os.ftruncate(fd, 16384)
memfd = mmap.mmap(fd, 16384)

tmp = tempfile.NamedTemporaryFile(prefix="aspace-deleted-", dir="/tmp", delete=False)
tmp.write(b"x" * 8192)
tmp.flush()
deleted = mmap.mmap(tmp.fileno(), 8192, prot=mmap.PROT_READ, flags=mmap.MAP_PRIVATE)
os.unlink(tmp.name)

def stop(signum, frame):
    os.unlink("/dev/shm/aspace-kept-%d" % pid)
    os._exit(0)

signal.signal(signal.SIGTERM, stop)
print("ready", flush=True)
while True:
    signal.pause()
