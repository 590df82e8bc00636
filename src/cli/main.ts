#!/usr/bin/env node
/**
 * Entry point of the `tradegym` command (`bin` in package.json → dist/src/cli/main.js).
 * Runs the program and sets the exit code; see `runCli` for the codes.
 */
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2));
