package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestProbeJSONGivesThePrice(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		want   string // the "price" object, compacted
		stdout string // a line of the text output
	}{
		{"both models", []string{fixture("h264.mp4")},
			`{"currency":"USD","seconds":3,"S1":0.04,"S2":0.07}`, "price:   $0.04 with S1, $0.07 with S2, for 3 s"},
		{"one model", []string{"--mocap-model", "s2", fixture("h264.mp4")},
			`{"currency":"USD","seconds":3,"S2":0.07}`, "price:   $0.07 with S2, for 3 s"},
		{"a clip window", []string{"--clip", "5:35", "--mocap-model", "S1", fixture("long-70s.mp4")},
			`{"currency":"USD","seconds":30,"S1":0.33}`, "$0.33 with S1, for 30 s"}, // 24 fps: ×0.92,
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := Run(append([]string{"probe", "--json"}, tc.args...), Env{Stdout: &stdout, Stderr: &stderr}); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			var reports []struct{ Price json.RawMessage }
			if err := json.Unmarshal(stdout.Bytes(), &reports); err != nil || len(reports) != 1 {
				t.Fatalf("%v: %s", err, stdout.String())
			}
			var compact bytes.Buffer
			json.Compact(&compact, reports[0].Price)
			if compact.String() != tc.want {
				t.Errorf("price %s, want %s", compact.String(), tc.want)
			}
			stdout.Reset()
			Run(append([]string{"probe"}, tc.args...), Env{Stdout: &stdout, Stderr: &stderr})
			for _, says := range []string{tc.stdout, "Move's published standard rates (2026-11)", "clip window"} {
				if !strings.Contains(stdout.String(), says) {
					t.Errorf("text output lacks %q:\n%s", says, stdout.String())
				}
			}
		})
	}
}

func TestProbeOmitsThePriceOfWhatIsNotAVideo(t *testing.T) {
	var stdout bytes.Buffer
	Run([]string{"probe", "--json", fixture("notes.mp4")}, Env{Stdout: &stdout, Stderr: &bytes.Buffer{}})
	if strings.Contains(stdout.String(), `"price"`) {
		t.Errorf("a text file got a price:\n%s", stdout.String())
	}
	if code := Run([]string{"probe", "--mocap-model", "M1", fixture("h264.mp4")}, Env{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}}); code != 2 {
		t.Errorf("--mocap-model M1: exit %d, want 2", code)
	}
}

func TestSubmitMaxUSD(t *testing.T) {
	dir := t.TempDir()
	a, b := video(t, dir, "Jump.mp4"), video(t, dir, "Spin.mp4") // 3 s each: $0.04–$0.07
	t.Run("above: nothing is sent", func(t *testing.T) {
		sim := withSimulator(t)
		var stdout, stderr bytes.Buffer
		code := Run([]string{"submit", "--max-usd", "0.10", "--out", t.TempDir(), a, b}, Env{Stdout: &stdout, Stderr: &stderr})
		if code != 1 {
			t.Errorf("exit %d, want 1", code)
		}
		for _, says := range []string{"about $0.08–$0.14 for 2 jobs", "Nothing was sent: the estimate, $0.08–$0.14, is above --max-usd $0.10"} {
			if !strings.Contains(stderr.String(), says) {
				t.Errorf("stderr lacks %q:\n%s", says, stderr.String())
			}
		}
		if n := sim.GraphQLRequests(); n != 0 {
			t.Errorf("%d requests sent above the ceiling", n)
		}
	})
	t.Run("one model below: sent", func(t *testing.T) {
		sim := withSimulator(t)
		var stdout, stderr bytes.Buffer
		code := Run([]string{"submit", "--max-usd", "0.10", "--mocap-model", "S1", "--outputs", "MAIN_FBX", "--out", t.TempDir(), a, b}, Env{Stdout: &stdout, Stderr: &stderr})
		if code != 0 || !strings.Contains(stderr.String(), "Estimated cost: about $0.08 for 2 jobs") {
			t.Errorf("exit %d:\n%s", code, stderr.String())
		}
		if sim.GraphQLRequests() == 0 {
			t.Error("nothing was sent below the ceiling")
		}
	})
	t.Run("a bad amount", func(t *testing.T) {
		withSimulator(t)
		var stderr bytes.Buffer
		if code := Run([]string{"submit", "--max-usd", "lots", a}, Env{Stdout: &bytes.Buffer{}, Stderr: &stderr}); code != 2 || !strings.Contains(stderr.String(), "--max-usd takes an amount") {
			t.Errorf("exit %d: %s", code, stderr.String())
		}
	})
}
