package outputs

import (
	"strings"

	"singlecam/core/safefile"
	"singlecam/core/ugc"
)

// FileName names an output's file without the job: its format in words,
// with the file's type as extension: "render.mp4", "render overlay.mp4",
// "main.fbx", "all characters.bvh".
func FileName(out ugc.Output) string {
	return safefile.SafeName(outputWords(out) + extension(out))
}

// JobFileName names an output's file after its job, so files dragged out of
// their folders (into Blender, say) are still told apart:
// "Backflip - main.fbx". The name is safe on Windows, macOS and Linux; a
// long job name is shortened, never the output's part.
func JobFileName(job string, out ugc.Output) string {
	tail := " - " + outputWords(out) + extension(out)
	job = strings.TrimSpace(job)
	if job == "" {
		return FileName(out)
	}
	// Keep the whole name inside SafeName's limit by shortening the job's part.
	const room = 100
	for len(job)+len(tail) > room && len(job) > 1 {
		r := []rune(job)
		job = strings.TrimRight(string(r[:len(r)-1]), " .")
	}
	return safefile.SafeName(safefile.SafeName(job) + tail)
}

// outputWords is an output's format in words: the extension and "video"
// dropped where the file's type says them already, "all" spelled out.
func outputWords(out ugc.Output) string {
	format := strings.ToLower(strings.TrimSpace(out.Format))
	if format == "" {
		return out.File.ID
	}
	parts := strings.Split(format, "_")
	ext := strings.TrimPrefix(extension(out), ".")
	if n := len(parts); n > 1 && (parts[n-1] == ext || parts[n-1] == "video") {
		parts = parts[:n-1]
	}
	if parts[0] == "all" {
		parts[0] = "all characters"
	}
	return strings.Join(parts, " ")
}

func extension(out ugc.Output) string {
	ext := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(out.File.Type), "."))
	if ext == "" {
		return ""
	}
	return "." + ext
}
