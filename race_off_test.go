//go:build !race

package main

// raceEnabled: the tests build the binary as they were built, so the go
// tool reuses the packages it compiled for them.
const raceEnabled = false
