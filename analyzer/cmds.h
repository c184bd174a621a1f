/* cmds.h -- the subcommands of the presstally binary.
 *
 * Each command lives in cmd_<name>.c as cmd_<name>(argc, argv), where
 * argv[0] is the subcommand's name, and returns an enum pt_exit code. To add
 * one: write cmd_<name>.c, declare it here, add it to commands[] in main.c
 * and to the library's sources in the CMakeLists.txt of its half.
 */
#ifndef PT_CMDS_H
#define PT_CMDS_H

int cmd_analyze(int argc, char **argv);
int cmd_crawl(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_topic(int argc, char **argv);
int cmd_warc(int argc, char **argv);

#endif
