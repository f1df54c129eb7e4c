/* aspace-run: runs a command as the leader of a session of its own, so that aspace can end it and
 * every process it starts (its children, their children) as one process group, and so that the
 * group ends when aspace goes away by any means, SIGKILL included.
 *
 * The command keeps this process's pid (aspace snapshots that pid). Before exec'ing it, a watcher
 * is started in a process group of its own, reparented to init (double fork). The watcher waits
 * for end of file on the standard input aspace holds open and never writes: when aspace exits,
 * however it exits, the kernel closes that pipe, and the watcher sends the group SIGTERM, waits
 * GRACE_MS, then sends SIGKILL. It leaves by itself once the group is empty.
 *
 * Usage: aspace-run GRACE_MS COMMAND [ARGS...] */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int group_alive(pid_t group) {
    return kill(-group, 0) == 0 || errno != ESRCH;
}

static void end_group(pid_t group, long grace_ms) {
    if (kill(-group, SIGTERM) != 0) {
        return;
    }
    struct timespec step = {0, 10L * 1000 * 1000};
    for (long waited = 0; waited < grace_ms; waited += 10) {
        nanosleep(&step, NULL);
        if (!group_alive(group)) {
            return;
        }
    }
    kill(-group, SIGKILL);
}

static void watch(pid_t group, long grace_ms) {
    setpgid(0, 0);  /* out of the group it watches: what ends the group does not end the watcher */
    int null = open("/dev/null", O_WRONLY);
    if (null >= 0) {  /* aspace reads the command's output to its end: the watcher holds none of it open */
        dup2(null, 1);
        dup2(null, 2);
        close(null);
    }
    for (;;) {
        struct pollfd in = {.fd = 0, .events = POLLIN};
        int ready = poll(&in, 1, 200);
        if (ready > 0) {
            char buf[256];
            ssize_t n = read(0, buf, sizeof buf);
            if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
                end_group(group, grace_ms);  /* aspace is gone */
                _exit(0);
            }
            /* bytes nobody sends are dropped; the command reads its input from its own copy */
        } else if (ready < 0 && errno != EINTR) {
            end_group(group, grace_ms);
            _exit(0);
        }
        if (!group_alive(group)) {
            _exit(0);  /* aspace ended the run */
        }
    }
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: aspace-run GRACE_MS COMMAND [ARGS...]\n");
        return 2;
    }
    long grace_ms = atol(argv[1]);
    if (setsid() < 0) {
        perror("aspace-run: setsid");
        return 127;
    }
    pid_t group = getpid();
    pid_t child = fork();
    if (child < 0) {
        perror("aspace-run: fork");
        return 127;
    }
    if (child == 0) {
        pid_t watcher = fork();
        if (watcher == 0) {
            watch(group, grace_ms);
        }
        _exit(watcher < 0 ? 1 : 0);
    }
    while (waitpid(child, NULL, 0) < 0 && errno == EINTR) {
    }
    execvp(argv[2], argv + 2);
    fprintf(stderr, "aspace-run: cannot run %s: ", argv[2]);
    perror(NULL);
    return 127;
}
