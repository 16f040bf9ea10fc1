using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Newcomers.Console.Components.Shared.Charts;

/// <summary>An SVG &lt;text&gt; element: Razor reads a literal &lt;text&gt; tag as its own, so charts write their labels with this.</summary>
public sealed class SvgLabel : ComponentBase
{
    [Parameter, EditorRequired] public string Text { get; set; } = "";
    [Parameter] public string Class { get; set; } = "console-chart__tick";
    [Parameter] public string? X { get; set; }
    [Parameter] public string? Y { get; set; }
    [Parameter] public string Anchor { get; set; } = "start";
    [Parameter] public string? Transform { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "class", Class);
        if (X is not null) builder.AddAttribute(2, "x", X);
        if (Y is not null) builder.AddAttribute(3, "y", Y);
        builder.AddAttribute(4, "text-anchor", Anchor);
        if (Transform is not null) builder.AddAttribute(5, "transform", Transform);
        builder.AddContent(6, Text);
        builder.CloseElement();
    }
}
