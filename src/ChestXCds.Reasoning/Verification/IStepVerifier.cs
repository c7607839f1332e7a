using ChestXCds.Domain;

namespace ChestXCds.Reasoning.Verification;

/// <summary>Gives every reasoning step a verdict (Supported, Contradicted, Unverifiable) and the reason for it.</summary>
public interface IStepVerifier
{
    /// <summary>Verifies a structured chain: image steps against score and threshold, report steps against the
    /// quoted span and its extracted assertion, temporal steps against prior and current evidence, the
    /// conclusion against the steps.</summary>
    ReasoningChain Verify(ReasoningChain chain, VerificationContext context);

    /// <summary>
    /// Verifies reasoning text someone else produced (e.g. a ChestX-Reasoner model's
    /// &lt;think&gt;…&lt;/think&gt;&lt;answer&gt;…&lt;/answer&gt;): splits it into steps, extracts the findings
    /// each claims and checks them against the same evidence. The answer, when tagged, is the last step (Conclusion).
    /// </summary>
    IReadOnlyList<ReasoningStep> VerifyText(string reasoningText, VerificationContext context);
}
