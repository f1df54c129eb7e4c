/* Says "ready", then for each size read from stdin (one decimal number a line) maps that many
 * anonymous bytes with mmap(NULL, ...) and prints the address the kernel chose, in hex. Raw
 * read/write, no stdio: nothing else is mapped between a test's read of the maps and the mmap. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void) {
    char line[64];
    char out[64];
    write(1, "ready\n", 6);
    for (;;) {
        ssize_t n = read(0, line, sizeof line - 1);
        if (n <= 0) {
            return 0;
        }
        line[n] = 0;
        size_t size = strtoull(line, NULL, 10);
        void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        int len = snprintf(out, sizeof out, "%lx\n", (unsigned long) p);
        write(1, out, len);
    }
}
