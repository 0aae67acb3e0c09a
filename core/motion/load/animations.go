package load

import (
	"fmt"
	"strconv"
	"strings"
)

// Pick resolves a user's choice of animations against a file's: "" is the
// longest (-1), "all" every one (or -1 when the file has none), a number
// the animation at that index (counting from 0), anything else the
// animation of that name (any case). It says how many there are when
// nothing matches.
func Pick(anims []Animation, choice string) ([]int, error) {
	choice = strings.TrimSpace(choice)
	switch {
	case choice == "":
		return []int{-1}, nil
	case strings.EqualFold(choice, "all"):
		if len(anims) == 0 {
			return []int{-1}, nil
		}
		out := make([]int, len(anims))
		for i := range out {
			out[i] = i
		}
		return out, nil
	}
	if n, err := strconv.Atoi(choice); err == nil {
		if n < 0 || n >= max(len(anims), 1) {
			return nil, fmt.Errorf("no animation %d: %s", n, count(anims))
		}
		if len(anims) == 0 {
			return []int{-1}, nil
		}
		return []int{n}, nil
	}
	for i, a := range anims {
		if strings.EqualFold(a.Name, choice) {
			return []int{i}, nil
		}
	}
	return nil, fmt.Errorf("no animation named %q: %s", choice, count(anims))
}

// count says how many animations there are and how they are numbered, in
// words short enough for one sentence: listing every name and length there
// is what --list and the player's menu are for.
func count(anims []Animation) string {
	switch len(anims) {
	case 0:
		return "it holds one motion, not several animations"
	case 1:
		return "it has one, number 0"
	}
	return fmt.Sprintf("it has %d, numbered 0 to %d", len(anims), len(anims)-1)
}
