//go:build race

package hostile_test

// raceEnabled: the race detector slows every read tenfold and adds its
// own memory, so the bombs are measured without it (make hostile).
const raceEnabled = true
