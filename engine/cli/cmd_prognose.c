#include "cli/cli.h"
int cmd_prognose(int argc, char **argv) { (void)argc; (void)argv; return EXIT_INPUT; }
