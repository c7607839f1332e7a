ValueSet: ChestXAssertionVS
Id: chestx-assertion
Title: "ChestXCds finding assertion"
Description: "Present, absent or uncertain."
* ^status = #active
* ^experimental = false
* include codes from system ChestXAssertion

ValueSet: ChestXStepKindVS
Id: chestx-step-kind
Title: "ChestXCds reasoning step kind"
Description: "The kinds of reasoning step."
* ^status = #active
* ^experimental = false
* include codes from system ChestXStepKind

ValueSet: ChestXStepVerdictVS
Id: chestx-step-verdict
Title: "ChestXCds reasoning step verdict"
Description: "Supported, contradicted or unverifiable."
* ^status = #active
* ^experimental = false
* include codes from system ChestXStepVerdict

ValueSet: ChestXTemporalChangeVS
Id: chestx-temporal-change
Title: "ChestXCds temporal change"
Description: "How a finding changed against prior studies."
* ^status = #active
* ^experimental = false
* include codes from system ChestXTemporalChange

ValueSet: ChestXEvidenceKindVS
Id: chestx-evidence-kind
Title: "ChestXCds evidence kind"
Description: "What a reasoning step rests on."
* ^status = #active
* ^experimental = false
* include codes from system ChestXEvidenceKind
