using System.Globalization;
using System.Text;
using ChestXCds.Domain;

namespace ChestXCds.Reasoning.Chains;

/// <summary>Renders chains in ChestX-Reasoner's output form: &lt;think&gt; steps &lt;/think&gt;&lt;answer&gt; … &lt;/answer&gt;.</summary>
public static class ReasoningTextRenderer
{
    public static string Render(ReasoningChain chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        return Render([chain]);
    }

    /// <summary>All chains' steps in one &lt;think&gt; block (one step a line), and every conclusion in the answer.</summary>
    public static string Render(IReadOnlyList<ReasoningChain> chains)
    {
        ArgumentNullException.ThrowIfNull(chains);
        var text = new StringBuilder("<think>\n");
        foreach (var chain in chains)
        {
            foreach (var step in chain.Steps)
            {
                text.Append(step.Text).Append('\n');
            }
        }

        text.Append("</think><answer>");
        text.Append(string.Join(" ", chains.Select(Answer)));
        text.Append("</answer>");
        return text.ToString();
    }

    private static string Answer(ReasoningChain chain) =>
        string.Create(CultureInfo.InvariantCulture, $"{ReasoningEngine.Display(chain.FindingId)}: {ReasoningEngine.Word(chain.Answer)} (confidence {chain.Confidence:0.00}).");
}
