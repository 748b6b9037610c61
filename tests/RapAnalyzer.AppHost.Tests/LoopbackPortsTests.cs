using System.Net;
using System.Net.Sockets;
using RapAnalyzer.AppHost.LocalServers;

namespace RapAnalyzer.AppHost.Tests;

/// <summary>Ports for a local run: free loopback ports in [20000, 32000), never the same one twice.</summary>
public class PortAllocatorTests
{
    [Test]
    public void Allocated_ports_are_distinct_in_range_and_bindable()
    {
        var allocator = new LoopbackPorts();

        var ports = Enumerable.Range(0, 200).Select(_ => allocator.Allocate()).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ports, Is.Unique);
            Assert.That(ports, Is.All.InRange(20000, 31999));
            foreach (var port in ports)
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                Assert.DoesNotThrow(listener.Start, $"port {port} was allocated but cannot be bound");
            }
        }
    }

    [Test]
    public void An_occupied_preferred_port_is_not_returned()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var occupied = ((IPEndPoint)occupant.LocalEndpoint).Port;

        var port = new LoopbackPorts().Allocate(occupied);

        Assert.That(port, Is.Not.EqualTo(occupied).And.InRange(20000, 31999));
    }

    [Test]
    public void An_occupied_preferred_port_inside_the_range_is_not_returned()
    {
        var candidate = new LoopbackPorts().Allocate();
        using var occupant = new TcpListener(IPAddress.Loopback, candidate);
        occupant.Start();

        var port = new LoopbackPorts().Allocate(candidate);

        Assert.That(port, Is.Not.EqualTo(candidate).And.InRange(20000, 31999));
    }

    [Test]
    public void A_free_preferred_port_is_returned_once_then_another_one()
    {
        var preferred = new LoopbackPorts().Allocate();
        var allocator = new LoopbackPorts();

        var first = allocator.Allocate(preferred);
        var second = allocator.Allocate(preferred);

        Assert.That(first, Is.EqualTo(preferred));
        Assert.That(second, Is.Not.EqualTo(preferred));
    }

    [Test]
    public void IsFree_tells_a_bound_port_from_a_free_one()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var occupied = ((IPEndPoint)occupant.LocalEndpoint).Port;

        Assert.That(LoopbackPorts.IsFree(occupied), Is.False);
        occupant.Stop();
        Assert.That(LoopbackPorts.IsFree(occupied), Is.True);
    }
}
