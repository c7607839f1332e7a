CodeSystem: ChestXObservationCodes
Id: chestx-observation-codes
Title: "ChestXCds observation and component codes"
Description: "Codes for the grouping analysis Observation, the reasoning-step Observation and their components."
* ^status = #active
* ^experimental = false
* ^caseSensitive = true
* #chest-xray-ai-analysis "AI chest radiograph analysis" "The grouping Observation of one AI analysis of a chest radiograph."
* #reasoning-step "AI reasoning step" "One step of a verified chain of reasoning about a chest radiograph."
* #probability "Model probability" "The model's probability for the finding, 0..1."
* #threshold "Decision threshold" "The model's decision threshold for the finding, 0..1."
* #confidence "Reasoning confidence" "Confidence of the reasoning chain's conclusion, 0..1."
* #temporal-change "Temporal change" "How the finding changed against prior studies."
* #step-index "Step index" "0-based position of the step in its chain."
* #step-kind "Step kind" "What kind of reasoning step this is."
* #step-finding "Step finding" "The finding the step is about."
* #step-claim "Step claim" "The assertion the step makes about the finding."
* #step-verdict "Step verdict" "The verifier's verdict on the step."
* #verdict-reason "Verdict reason" "Why the verifier decided as it did."
* #chain-question "Chain question" "The question the reasoning chain answers."

CodeSystem: ChestXAssertion
Id: chestx-assertion
Title: "ChestXCds finding assertion"
Description: "Whether a finding is asserted present, absent or uncertain."
* ^status = #active
* ^experimental = false
* ^caseSensitive = true
* #present "Present" "The finding is present."
* #absent "Absent" "The finding is absent."
* #uncertain "Uncertain" "The finding may be present; the evidence is hedged or conflicting."

CodeSystem: ChestXStepKind
Id: chestx-step-kind
Title: "ChestXCds reasoning step kind"
Description: "The kinds of reasoning step, in the order a radiologist takes them (ChestX-Reasoner)."
* ^status = #active
* ^experimental = false
* ^caseSensitive = true
* #plan "Plan" "What will be looked at and in which order."
* #image-evidence "Image evidence" "What the image model found."
* #prior-report-evidence "Prior report evidence" "What earlier reports said."
* #temporal-comparison "Temporal comparison" "How the finding changed against prior studies."
* #conclusion "Conclusion" "The answer the chain reaches."

CodeSystem: ChestXStepVerdict
Id: chestx-step-verdict
Title: "ChestXCds reasoning step verdict"
Description: "The verifier's verdict on one reasoning step."
* ^status = #active
* ^experimental = false
* ^caseSensitive = true
* #supported "Supported" "The step's evidence supports it."
* #contradicted "Contradicted" "The step's evidence contradicts it."
* #unverifiable "Unverifiable" "The step cannot be checked against evidence."

CodeSystem: ChestXTemporalChange
Id: chestx-temporal-change
Title: "ChestXCds temporal change"
Description: "How a finding changed between a prior study and the current one."
* ^status = #active
* ^experimental = false
* ^caseSensitive = true
* #unknown "Unknown" "No comparison could be made."
* #new "New" "Not seen before."
* #stable "Stable" "Unchanged."
* #worsening "Worsening" "Worse than before."
* #improving "Improving" "Better than before."
* #resolved "Resolved" "Seen before, gone now."

CodeSystem: ChestXEvidenceKind
Id: chestx-evidence-kind
Title: "ChestXCds evidence kind"
Description: "What a reasoning step rests on."
* ^status = #active
* ^experimental = false
* ^caseSensitive = true
* #image-score "Image score" "A model probability for the current image."
* #report-sentence "Report sentence" "A sentence quoted from a prior report."
* #knowledge "Knowledge" "Domain knowledge."
* #step "Step" "An earlier step of the same chain."
