package ugc

// The operations the client sends. The mutations are written here by hand;
// the plain reads' documents are written by the GraphQL client from the
// structs in reads.go. A test validates both against the project's copy of
// the schema, so a misspelt field fails CI rather than a user's job.

const fileFields = `fragment FileFields on File { id name type created metadata presignedUrl thumbnailUrl }`

const jobFields = `fragment JobFields on Job {
  id name created metadata state
  progress { state percentageComplete }
  inputs {
    clipWindow { startTime endTime }
    options { trackFingers floorPlane trackBall trackJerseyNumbers mocapModel }
  }
  take { id videoFile { thumbnailUrl } }
  outputs { format key file { ...FileFields } }
}`

const takeFields = `fragment TakeFields on Take {
  id name created metadata
  sources { deviceLabel format file { ...FileFields } }
  videoFile { ...FileFields }
}`

// operation is one GraphQL operation: its name (also the root field it
// answers under), its hand-written document (empty for a typed read), and
// whether repeating it is safe.
type operation struct {
	name string
	doc  string
	// idempotent operations are retried after any transient failure; the
	// others only when the request surely never reached the service.
	idempotent bool
}

var (
	// The plain reads: typed queries (reads.go), safe to repeat.
	opClient   = operation{name: "client", idempotent: true}
	opGetFile  = operation{name: "getFile", idempotent: true}
	opGetTake  = operation{name: "getTake", idempotent: true}
	opGetJob   = operation{name: "getJob", idempotent: true}
	opListJobs = operation{name: "listJobs", idempotent: true}

	// A spare file costs nothing, so repeating is safe.
	opCreateFile = operation{"createFile", `mutation createFile($type: String!, $name: String, $metadata: AWSJSON) {
  createFile(type: $type, name: $name, metadata: $metadata) { ...FileFields }
}
` + fileFields, true}

	// A spare take costs nothing, so repeating is safe.
	opCreateSingleCamTake = operation{"createSingleCamTake", `mutation createSingleCamTake($sources: [SourceInput!], $name: String, $metadata: AWSJSON) {
  createSingleCamTake(sources: $sources, name: $name, metadata: $metadata) { ...TakeFields }
}
` + takeFields + "\n" + fileFields, true}

	// A job costs the user money: never repeated blindly.
	opCreateSingleCamJob = operation{"createSingleCamJob", `mutation createSingleCamJob($takeId: String!, $name: String, $metadata: AWSJSON, $outputs: [OutputType], $options: OptionsInput, $clipWindow: ClipWindowInput) {
  createSingleCamJob(takeId: $takeId, name: $name, metadata: $metadata, outputs: $outputs, options: $options, clipWindow: $clipWindow) { ...JobFields }
}
` + jobFields + "\n" + fileFields, false}

	opUpdateJob = operation{"updateJob", `mutation updateJob($id: String!, $name: String, $metadata: AWSJSON) {
  updateJob(id: $id, name: $name, metadata: $metadata) { ...JobFields }
}
` + jobFields + "\n" + fileFields, true}
)

// mutations lists every hand-written operation, for the schema test.
var mutations = []operation{opCreateFile, opCreateSingleCamTake, opCreateSingleCamJob, opUpdateJob}
