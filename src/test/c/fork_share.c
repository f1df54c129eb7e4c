/* A parent and its forked child sharing a written block copy-on-write, for the frames tests.
 * Maps N (default 64) anonymous pages, writes every page, forks, and prints
 * "ready parent=PID child=PID addr=0xADDR pages=N". Then reads lines on stdin:
 *   childwrite  the child writes every page of the block (each gets its own frame); prints "written"
 * and exits at end of input, killing the child. The child dies with the parent (PR_SET_PDEATHSIG).
 * Usage: fork_share [N] */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 64;
    long page = sysconf(_SC_PAGESIZE);
    char *block = mmap(NULL, (size_t)(n * page), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (block == MAP_FAILED) { perror("mmap"); return 1; }
    madvise(block, (size_t)(n * page), MADV_NOHUGEPAGE);
    for (long i = 0; i < n; i++) memset(block + i * page, (int)(i & 0x7f) + 1, (size_t)page);
    int to_child[2], to_parent[2];
    if (pipe(to_child) || pipe(to_parent)) { perror("pipe"); return 1; }
    pid_t parent = getpid();
    pid_t child = fork();
    if (child < 0) { perror("fork"); return 1; }
    if (child == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
        if (getppid() != parent) _exit(0);
        char c;
        while (read(to_child[0], &c, 1) == 1) {
            for (long i = 0; i < n; i++) block[i * page] = (char)(block[i * page] + 1);
            if (write(to_parent[1], "w", 1) != 1) _exit(1);
        }
        _exit(0);
    }
    printf("ready parent=%d child=%d addr=%p pages=%ld\n", (int)parent, (int)child, (void *)block, n);
    fflush(stdout);
    char line[64];
    while (fgets(line, sizeof line, stdin)) {
        if (!strncmp(line, "childwrite", 10)) {
            char c;
            if (write(to_child[1], "w", 1) != 1 || read(to_parent[0], &c, 1) != 1) { perror("child"); return 1; }
            printf("written\n");
            fflush(stdout);
        }
    }
    kill(child, SIGKILL);
    waitpid(child, NULL, 0);
    return 0;
}
